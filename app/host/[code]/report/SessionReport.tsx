'use client';
// What the class got right and wrong: per question (percent correct, how they
// answered, the evidence) and per student (score, correct answers, each
// answer), with the same report as a CSV file for a spreadsheet.
import { useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { EvidenceExcerpt } from '../../../_components/EvidenceExcerpt';
import { Distribution } from '../../../_sessions/Distribution';
import { SessionReportQuery } from '../../../_sessions/session-documents';
import { savedHost, type SavedHost } from '../../../_sessions/session-storage';

export function SessionReport({ code }: { code: string }) {
  const [host, setHost] = useState<SavedHost | null | undefined>(undefined);
  useEffect(() => setHost(savedHost(code)), [code]);
  if (host === undefined) return <p className="loading">Loading…</p>;
  if (host === null) {
    return (
      <p className="error" role="alert">
        This browser does not hold the host token of session {code}: open the report on the device that hosted it.
      </p>
    );
  }
  return <ReportView code={code} host={host} />;
}

function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the file only after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function ReportView({ code, host }: { code: string; host: SavedHost }) {
  const { data, error, loading } = useQuery(SessionReportQuery, { variables: { sessionId: host.sessionId, hostToken: host.hostToken }, fetchPolicy: 'network-only' });
  if (loading && !data) return <p className="loading">Loading the report…</p>;
  if (error || !data) {
    return (
      <p className="error" role="alert">
        Could not load the report: {error?.message}
      </p>
    );
  }
  const report = data.sessionReport;
  const hardest = [...report.questions].sort((a, b) => a.percentCorrect - b.percentCorrect)[0];
  return (
    <article className="report">
      <p>
        <Link href={`/host/${code}`} className="back-link">
          ← Back to the session
        </Link>
      </p>
      <h1>Report: {report.quizTitle}</h1>
      <p className="meta">
        Session {report.code} · hosted {new Date(report.createdAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })} ·{' '}
        {report.students.filter((s) => !s.removed).length} students · {report.questions.length} questions played
        {report.state !== 'FINISHED' && ' · still in progress'}
      </p>
      <p>
        <button type="button" className="button primary" onClick={() => download(`session-${report.code}-report.csv`, report.csv)}>
          Download CSV
        </button>
      </p>
      {hardest && (
        <p className="report-callout">
          Hardest question: <strong>Q{hardest.number}</strong>, {hardest.percentCorrect}% of the class got it right.
        </p>
      )}

      <h2 className="section-title">Questions</h2>
      {report.questions.length === 0 && <p className="empty">No question was played.</p>}
      <ol className="report-questions">
        {report.questions.map((q) => (
          <li key={q.number}>
            <h3>
              Q{q.number}. {q.question.prompt}
            </h3>
            <p className="report-percent">
              <strong>{q.percentCorrect}%</strong> correct ({q.correctCount} of the class; {q.answerCount} answered)
            </p>
            <Distribution distribution={q.distribution} correctChoiceId={q.correctChoice.id} />
            <EvidenceExcerpt evidence={q.evidence} />
          </li>
        ))}
      </ol>

      <h2 className="section-title">Students</h2>
      <div className="table-scroll">
        <table className="report-table">
          <caption className="visually-hidden">Each student's rank, score, correct answers and answers</caption>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Nickname</th>
              <th scope="col">Score</th>
              <th scope="col">Correct</th>
              {report.questions.map((q) => (
                <th key={q.number} scope="col">
                  Q{q.number}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.students.map((s) => (
              <tr key={s.id} className={s.removed ? 'removed' : ''}>
                <td>{s.removed ? 'removed' : s.rank}</td>
                <th scope="row">{s.nickname}</th>
                <td>{s.score.toLocaleString('en-US')}</td>
                <td>
                  {s.correctCount} / {report.questions.length}
                </td>
                {s.answers.map((a) => (
                  <td key={a.questionNumber} className={a.choice ? (a.correct ? 'right' : 'wrong') : 'none'}>
                    {a.choice ? `${a.correct ? '✓' : '✗'} ${a.choice.text}` : '—'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}
