'use client';
// The session settings form: time per question, scoring, how many questions
// and which types, the leaderboard between questions, the most students.
import { useMutation } from '@apollo/client/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { QuestionType, ScoringMode } from '@/graphql/generated/client/graphql';
import { CreateSession } from '../../../_sessions/session-documents';
import { saveHost } from '../../../_sessions/session-storage';
import { errorMessage } from '../../../_apollo/errors';

const TYPE_LABELS: Record<QuestionType, string> = {
  WHO_SAID: 'Who said it',
  WHO_CALLED: 'Who called it that',
  WHAT_SAID: 'What did they say',
  SOURCE: 'Whose word is it',
  FACT_OR_OPINION: 'Fact or opinion',
  NUMBER: 'Which figure',
  QUOTE_MATCH: 'Which outlet printed it',
};

export function HostSetup({ quizId, questionCount, types }: { quizId: string; questionCount: number; types: QuestionType[] }) {
  const router = useRouter();
  const [timeLimitSeconds, setTime] = useState(30);
  const [mode, setMode] = useState<ScoringMode>('SPEED');
  const [count, setCount] = useState(Math.min(questionCount, 10));
  const [chosenTypes, setTypes] = useState<QuestionType[]>(types);
  const [showLeaderboard, setShowLeaderboard] = useState(true);
  const [maxPlayers, setMaxPlayers] = useState(100);
  const [error, setError] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreateSession);

  async function submit() {
    setError(null);
    try {
      const { data } = await create({
        variables: {
          quizId,
          settings: { timeLimitSeconds, mode, questionCount: count, questionTypes: chosenTypes.length === types.length ? null : chosenTypes, showLeaderboard, maxPlayers },
        },
      });
      const hosting = data!.createSession;
      saveHost(hosting.session.code, { sessionId: hosting.session.id, hostToken: hosting.hostToken });
      router.push(`/host/${hosting.session.code}`);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <form
      className="setup"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <label htmlFor="time-limit">Seconds per question</label>
      <select id="time-limit" value={timeLimitSeconds} onChange={(e) => setTime(Number(e.target.value))}>
        {[10, 20, 30, 45, 60, 90, 120, 180, 300].map((s) => (
          <option key={s} value={s}>
            {s} seconds
          </option>
        ))}
      </select>
      <fieldset>
        <legend>Scoring</legend>
        <label className="mode-option">
          <input type="radio" name="mode" checked={mode === 'SPEED'} onChange={() => setMode('SPEED')} />
          <span>Speed: faster correct answers earn more, with a streak bonus.</span>
        </label>
        <label className="mode-option">
          <input type="radio" name="mode" checked={mode === 'ACCURACY'} onChange={() => setMode('ACCURACY')} />
          <span>Accuracy: every correct answer earns the same, however long it takes to read.</span>
        </label>
      </fieldset>
      <label htmlFor="question-count">Questions (up to {questionCount})</label>
      <input id="question-count" type="number" min={1} max={questionCount} value={count} onChange={(e) => setCount(Number(e.target.value))} required />
      {types.length > 1 && (
        <fieldset>
          <legend>Question types</legend>
          {types.map((type) => (
            <label key={type} className="mode-option">
              <input
                type="checkbox"
                checked={chosenTypes.includes(type)}
                onChange={(e) => setTypes(e.target.checked ? [...chosenTypes, type] : chosenTypes.filter((t) => t !== type))}
              />
              <span>{TYPE_LABELS[type] ?? type}</span>
            </label>
          ))}
        </fieldset>
      )}
      <label className="mode-option">
        <input type="checkbox" checked={showLeaderboard} onChange={(e) => setShowLeaderboard(e.target.checked)} />
        <span>Show the leaderboard between questions</span>
      </label>
      <label htmlFor="max-players">Most students (1–500)</label>
      <input id="max-players" type="number" min={1} max={500} value={maxPlayers} onChange={(e) => setMaxPlayers(Number(e.target.value))} required />
      <button className="button primary big" type="submit" disabled={loading || chosenTypes.length === 0}>
        Open the lobby
      </button>
    </form>
  );
}
