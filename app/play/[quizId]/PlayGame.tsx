'use client';
// The play screen: nickname and mode, then one question at a time against
// the timer, the answer with its evidence, and on to the results. The game
// id is kept for this tab, so a refresh resumes the same question with the
// same timer (the server's).
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExpireQuestionMutation, NextQuestionMutation, ScoringMode } from '@/graphql/generated/client/graphql';
import { EvidenceExcerpt } from '../../_components/EvidenceExcerpt';
import { errorCode, errorMessage } from '../../_apollo/errors';
import { savedPlayer, savePlayer } from '../../_components/player-storage';
import { ExpireQuestion, NextQuestion, ResumeGame, StartGame, SubmitAnswer } from './game-documents';
import { TimerBar } from '../../_components/TimerBar';
import { ChoiceButtons } from '../../_components/ChoiceButtons';

type Served = NonNullable<NextQuestionMutation['nextQuestion']>;
type Result = ExpireQuestionMutation['expireQuestion'];

interface Playing {
  gameId: string;
  token: string;
  mode: ScoringMode;
  questionCount: number;
  score: number;
  streak: number;
}

type Stage =
  | { kind: 'setup' }
  | { kind: 'question'; question: Served; deadline: number; limitMs: number }
  | { kind: 'feedback'; question: Served; result: Result };

const gameKey = (quizId: string) => `factcheck.game.${quizId}`;

// The client waits a little past its own deadline before telling the server the time is up.
const EXPIRY_MARGIN_MS = 300;

export function PlayGame({ quizId, rules }: { quizId: string; rules: { mode: ScoringMode; text: string }[] }) {
  const router = useRouter();
  const [stage, setStage] = useState<Stage>({ kind: 'setup' });
  const [playing, setPlaying] = useState<Playing | null>(null);
  const [nickname, setNickname] = useState('');
  const nicknameInput = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<ScoringMode>('SPEED');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // One request at a time: a double click, a held key or the timer firing mid-answer sends nothing more.
  const inFlight = useRef(false);
  const [startGame] = useMutation(StartGame);
  const [nextQuestion] = useMutation(NextQuestion);
  const [submitAnswer] = useMutation(SubmitAnswer);
  const [expireQuestion] = useMutation(ExpireQuestion);

  const serve = useCallback(
    async (game: Playing) => {
      const { data } = await nextQuestion({ variables: { gameId: game.gameId, playerToken: game.token } });
      const question = data?.nextQuestion;
      if (!question) {
        window.sessionStorage.removeItem(gameKey(quizId));
        router.push(`/results/${game.gameId}`);
        return;
      }
      const limitMs = (question.timeLimitSeconds ?? 0) * 1000;
      setStage({ kind: 'question', question, deadline: Date.now() + (question.timeRemainingMs ?? limitMs), limitMs });
    },
    [nextQuestion, quizId, router],
  );

  const run = useCallback(async (step: () => Promise<void>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (failure) {
      // A second answer to an answered question changes nothing; there is nothing to tell.
      if (errorCode(failure) !== 'ALREADY_ANSWERED') setError(errorMessage(failure));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);

  // Resume a game of this quiz after a refresh, with its score and streak as the server has them.
  const client = useApolloClient();
  useEffect(() => {
    const saved = savedPlayer();
    // What was typed before the page came alive wins over the remembered nickname.
    const typed = nicknameInput.current?.value.trim() ?? '';
    setNickname((current) => current || typed || saved.nickname);
    const stored = window.sessionStorage.getItem(gameKey(quizId));
    if (!stored || !saved.token) return;
    const game = { ...(JSON.parse(stored) as Omit<Playing, 'token'>), token: saved.token };
    void run(async () => {
      const { data } = await client.query({ query: ResumeGame, variables: { id: game.gameId }, fetchPolicy: 'network-only' });
      if (!data?.game || data.game.status === 'FINISHED') {
        window.sessionStorage.removeItem(gameKey(quizId));
        if (data?.game) router.push(`/results/${game.gameId}`);
        return;
      }
      const resumed = { ...game, score: data.game.score, streak: data.game.streak };
      setPlaying(resumed);
      try {
        await serve(resumed);
      } catch (failure) {
        // Another player's token, or a game that is gone: start afresh.
        if (['FORBIDDEN', 'NOT_FOUND'].includes(errorCode(failure) ?? '')) {
          window.sessionStorage.removeItem(gameKey(quizId));
          setPlaying(null);
          setStage({ kind: 'setup' });
          return;
        }
        throw failure;
      }
    });
  }, [client, quizId, router, run, serve]);

  useEffect(() => {
    headingRef.current?.focus();
  }, [stage.kind, stage.kind === 'question' ? stage.question.id : null]);

  const start = () =>
    run(async () => {
      const { data } = await startGame({ variables: { quizId, nickname, mode, playerToken: savedPlayer().token } });
      if (!data) return;
      const { playerToken, game } = data.startGame;
      savePlayer(playerToken, nickname.trim());
      const next: Playing = { gameId: game.id, token: playerToken, mode: game.mode, questionCount: game.questionCount, score: 0, streak: 0 };
      window.sessionStorage.setItem(gameKey(quizId), JSON.stringify({ ...next, token: undefined }));
      setPlaying(next);
      await serve(next);
    });

  const showResult = (question: Served, result: Result) => {
    setPlaying((p) => (p ? { ...p, score: result.game.score, streak: result.game.streak } : p));
    setStage({ kind: 'feedback', question, result });
  };

  const choose = (choiceId: string) =>
    stage.kind === 'question' && playing && !busy
      ? run(async () => {
          const { data } = await submitAnswer({ variables: { gameId: playing.gameId, questionId: stage.question.id, choiceId, playerToken: playing.token } });
          if (data) showResult(stage.question, data.submitAnswer);
        })
      : undefined;

  const expire = () =>
    stage.kind === 'question' && playing && !inFlight.current
      ? run(async () => {
          for (let attempt = 0; ; attempt += 1) {
            try {
              const { data } = await expireQuestion({ variables: { gameId: playing.gameId, questionId: stage.question.id, playerToken: playing.token } });
              if (data) showResult(stage.question, data.expireQuestion);
              return;
            } catch (failure) {
              // The server's clock may be a moment behind ours: ask again shortly.
              if (errorCode(failure) !== 'TIME_NOT_UP' || attempt >= 5) throw failure;
              await new Promise((resolve) => setTimeout(resolve, 400));
            }
          }
        })
      : undefined;

  const next = () =>
    playing &&
    run(async () => {
      if (stage.kind === 'feedback' && stage.result.game.status === 'FINISHED') {
        window.sessionStorage.removeItem(gameKey(quizId));
        router.push(`/results/${playing.gameId}`);
        return;
      }
      await serve(playing);
    });

  // Keys 1–4 pick a choice; Enter goes on after the answer. Held keys and shortcuts (Ctrl+1) do nothing.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
      if (stage.kind === 'question' && /^[1-4]$/.test(event.key)) {
        const choice = stage.question.choices[Number(event.key) - 1];
        if (choice) void choose(choice.id);
      }
      if (stage.kind === 'feedback' && event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) void next();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const status = playing && (
    <p className="game-status">
      <span>
        Score <strong>{playing.score.toLocaleString('en-US')}</strong>
      </span>
      <span>
        Streak <strong>{playing.streak}</strong>
      </span>
      {stage.kind !== 'setup' && (
        <span>
          Question <strong>{stage.question.number}</strong> of {playing.questionCount}
        </span>
      )}
    </p>
  );

  return (
    <div className="play">
      {error && (
        <div className="error" role="alert">
          <p>{error}</p>
          {playing && stage.kind !== 'setup' && (
            <button className="button" type="button" onClick={() => void next()}>
              Continue
            </button>
          )}
        </div>
      )}

      {stage.kind === 'setup' && (
        <form
          className="setup"
          onSubmit={(event) => {
            event.preventDefault();
            void start();
          }}
        >
          <label htmlFor="nickname">Your nickname (shown on the leaderboard)</label>
          <input ref={nicknameInput} id="nickname" name="nickname" value={nickname} onChange={(e) => setNickname(e.target.value)} maxLength={20} required autoComplete="nickname" />
          <fieldset>
            <legend>Scoring</legend>
            {rules.map((rule) => (
              <label key={rule.mode} className="mode-option">
                <input type="radio" name="mode" value={rule.mode} checked={mode === rule.mode} onChange={() => setMode(rule.mode)} />
                <span>{rule.text}</span>
              </label>
            ))}
          </fieldset>
          <button className="button primary big" type="submit" disabled={busy || !nickname.trim()}>
            Start
          </button>
        </form>
      )}

      {stage.kind === 'question' && (
        <section className="question" aria-labelledby="prompt">
          {status}
          {playing?.mode === 'SPEED' && (
            <TimerBar key={stage.question.id} deadline={stage.deadline + EXPIRY_MARGIN_MS} limitMs={stage.limitMs} onExpire={() => void expire()} />
          )}
          <h2 id="prompt" ref={headingRef} tabIndex={-1} className="prompt">
            {stage.question.prompt}
          </h2>
          <ChoiceButtons choices={stage.question.choices} disabled={busy} onChoose={(id) => void choose(id)} />
        </section>
      )}

      {stage.kind === 'feedback' && (
        <section className="feedback" aria-labelledby="verdict">
          {status}
          <h2 id="verdict" ref={headingRef} tabIndex={-1} className={`verdict ${stage.result.correct ? 'right' : 'wrong'}`}>
            <span aria-hidden="true">{stage.result.correct ? '✓' : '✗'}</span>{' '}
            {stage.result.correct ? `Correct! +${stage.result.points.toLocaleString('en-US')}` : stage.result.late ? 'Time’s up — no points' : 'Not quite — no points'}
          </h2>
          <p className="prompt small">{stage.question.prompt}</p>
          <ol className="choices revealed">
            {stage.question.choices.map((choice) => {
              const right = choice.id === stage.result.correctChoice.id;
              const picked = choice.id === stage.result.chosenChoice?.id;
              return (
                <li key={choice.id} className={`${right ? 'right' : ''} ${picked ? 'picked' : ''}`}>
                  <span className="choice-text">{choice.text}</span>
                  {right && <span className="tag right">✓ Correct answer</span>}
                  {picked && !right && <span className="tag wrong">✗ Your answer</span>}
                  {picked && right && <span className="tag">Your answer</span>}
                </li>
              );
            })}
          </ol>
          <p className="explanation">{stage.result.explanation}</p>
          <EvidenceExcerpt evidence={stage.result.evidence} />
          <button className="button primary big" type="button" onClick={() => void next()} disabled={busy}>
            {stage.result.game.status === 'FINISHED' ? 'See your results' : 'Next question'}
          </button>
        </section>
      )}
    </div>
  );
}
