'use client';
// The student's screen. The player token is kept on this device, so a reload
// or a dropped connection comes back as the same player with the same score.
import { useMutation } from '@apollo/client/react';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { EvidenceExcerpt } from '../../_components/EvidenceExcerpt';
import { errorCode, errorMessage } from '../../_apollo/errors';
import { TimerBar } from '../../_components/TimerBar';
import { ChoiceButtons } from '../../_components/ChoiceButtons';
import { ReconnectingNote, useLiveSession } from '../../_sessions/useLiveSession';
import { AnswerSessionQuestion, JoinSession, StudentSessionQuery, StudentSessionUpdated } from '../../_sessions/session-documents';
import { forgetPlayerToken, savedPlayerToken, savePlayerToken } from '../../_sessions/session-storage';
import { Podium, Standings } from '../../_sessions/Standings';


export function StudentScreen({ code }: { code: string }) {
  const [token, setToken] = useState<string | null | undefined>(undefined);
  useEffect(() => setToken(savedPlayerToken(code)?.playerToken ?? null), [code]);
  if (token === undefined) return <p className="loading">Loading…</p>;
  if (token === null) return <NicknameForm code={code} onJoined={setToken} />;
  return (
    <StudentLive
      code={code}
      playerToken={token}
      onForgotten={() => {
        forgetPlayerToken(code);
        setToken(null);
      }}
    />
  );
}

function NicknameForm({ code, onJoined }: { code: string; onJoined: (token: string) => void }) {
  const [nickname, setNickname] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [join, { loading }] = useMutation(JoinSession);
  return (
    <article className="join-page">
      <h1>Join session {code}</h1>
      <form
        className="setup join-form"
        onSubmit={async (event) => {
          event.preventDefault();
          setError(null);
          try {
            const { data } = await join({ variables: { code, nickname } });
            savePlayerToken(code, { playerToken: data!.joinSession.playerToken, sessionId: data!.joinSession.session.id });
            onJoined(data!.joinSession.playerToken);
          } catch (e) {
            setError(errorMessage(e));
          }
        }}
      >
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <label htmlFor="nickname">Your nickname</label>
        <input id="nickname" value={nickname} onChange={(e) => setNickname(e.target.value)} maxLength={20} required autoComplete="nickname" />
        <p className="note">1–20 characters, shown on the class screen. Be kind.</p>
        <button className="button primary big" type="submit" disabled={loading || !nickname.trim()}>
          Join
        </button>
      </form>
      <p>
        <Link href="/join">A different code?</Link>
      </p>
    </article>
  );
}

function StudentLive({ code, playerToken, onForgotten }: { code: string; playerToken: string; onForgotten: () => void }) {
  const { view, error, reconnecting } = useLiveSession(StudentSessionUpdated, StudentSessionQuery, { code, playerToken });
  const [answered, setAnswered] = useState<{ questionId: string; choiceId: string } | null>(null);
  const [answerError, setAnswerError] = useState<string | null>(null);
  const [answer, { loading: answering }] = useMutation(AnswerSessionQuestion);
  // Read when the timer runs out, so the buttons turn off with it.
  const [now, setNow] = useState(() => Date.now());


  const session = view?.session;
  const me = session?.me;
  // An error belongs to its question: a new question starts clean.
  const currentQuestionId = session?.question?.id;
  useEffect(() => setAnswerError(null), [currentQuestionId]);
  // A token this session does not know (another session's, or a stale one): join afresh.
  useEffect(() => {
    if (session && !me) onForgotten();
  }, [session, me]); // eslint-disable-line react-hooks/exhaustive-deps

  if (error && !session) {
    return (
      <div className="error" role="alert">
        <p>{errorCode(error) === 'NOT_FOUND' ? `There is no session with code ${code}.` : `Could not connect: ${error.message}`}</p>
        <Link className="button" href="/join">
          Try another code
        </Link>
      </div>
    );
  }
  if (!session || !me || !view) return <p className="loading">Connecting…</p>;

  if (me.removed) {
    return (
      <p className="error" role="alert">
        The host removed you from this session.
      </p>
    );
  }

  const question = session.question;
  const timeUp = session.state === 'QUESTION_OPEN' && view.receivedAt + (session.timeRemainingMs ?? 0) <= now;
  const hasAnswered = me.answeredCurrent || (question !== null && answered?.questionId === question?.id);
  const status = (
    <p className="game-status student-status">
      <span className="student-name">{me.nickname}</span>
      <span>
        Score <strong>{me.score.toLocaleString('en-US')}</strong>
      </span>
      {session.state !== 'LOBBY' && (
        <span>
          Place <strong>{me.rank}</strong> of {session.playerCount}
        </span>
      )}
    </p>
  );

  const choose = async (choiceId: string) => {
    if (!question) return;
    setAnswerError(null);
    try {
      await answer({ variables: { sessionId: session.id, questionId: question.id, choiceId, playerToken } });
      setAnswered({ questionId: question.id, choiceId });
    } catch (e) {
      const code = errorCode(e);
      if (code === 'ALREADY_ANSWERED') setAnswered({ questionId: question.id, choiceId });
      else setAnswerError(code === 'QUESTION_CLOSED' ? 'Too late: the question has closed.' : errorMessage(e));
    }
  };

  return (
    <div className={`student-screen state-${session.state.toLowerCase()}`}>
      {status}
      {reconnecting && <ReconnectingNote />}

      {session.state === 'LOBBY' && (
        <section className="student-wait" aria-live="polite">
          <h1>You’re in, {me.nickname}!</h1>
          <p>Wait for your teacher to start. {session.playerCount} students have joined.</p>
        </section>
      )}

      {session.state === 'QUESTION_OPEN' && question && (
        <section aria-labelledby="student-prompt">
          <p className="meta">
            Question {session.questionNumber} of {session.questionCount}
          </p>
          <TimerBar key={question.id} deadline={view.receivedAt + (session.timeRemainingMs ?? 0)} limitMs={session.timeLimitSeconds * 1000} onExpire={() => setNow(Date.now())} />
          <h1 id="student-prompt" className="prompt">
            {question.prompt}
          </h1>
          {answerError && (
            <p className="error" role="alert">
              {answerError}
            </p>
          )}
          {hasAnswered ? (
            <p className="student-wait" role="status">
              Answer in! Wait for your teacher to reveal it.
            </p>
          ) : (
            <ChoiceButtons className="student-choices" choices={question.choices} disabled={answering || timeUp} onChoose={(id) => void choose(id)} />
          )}
        </section>
      )}

      {session.state === 'QUESTION_CLOSED' && question && session.reveal && (
        <section aria-labelledby="student-verdict">
          <h1 id="student-verdict" className={`verdict ${me.lastAnswer?.correct ? 'right' : 'wrong'}`}>
            <span aria-hidden="true">{me.lastAnswer?.correct ? '✓' : '✗'}</span>{' '}
            {me.lastAnswer ? (me.lastAnswer.correct ? `Correct! +${me.lastAnswer.points.toLocaleString('en-US')}` : 'Not quite — no points') : 'No answer — no points'}
          </h1>
          <p className="prompt small">{question.prompt}</p>
          <p>
            The answer: <strong>{session.reveal.correctChoice.text}</strong>
          </p>
          <p className="explanation">{session.reveal.explanation}</p>
          <EvidenceExcerpt evidence={session.reveal.evidence} />
        </section>
      )}

      {session.state === 'LEADERBOARD' && (
        <section aria-labelledby="student-standing">
          <h1 id="student-standing">
            You are {ordinal(me.rank)} with {me.score.toLocaleString('en-US')} points
          </h1>
          <Standings players={session.leaderboard ?? []} highlightId={me.id} />
        </section>
      )}

      {session.state === 'FINISHED' && (
        <section aria-labelledby="student-final">
          <h1 id="student-final">
            Finished: {ordinal(me.rank)} place, {me.score.toLocaleString('en-US')} points, {me.correctCount} correct
          </h1>
          <Podium players={session.leaderboard ?? []} />
          <p>
            <Link href="/">Play more quizzes</Link>
          </p>
        </section>
      )}
    </div>
  );
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}
