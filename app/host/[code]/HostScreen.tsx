'use client';
// The projector screen. Follows the session live with the host token this
// browser saved when it created the session; a refresh resumes where the
// class is (the server stores every move). Closes a question by itself when
// time is up or every student has answered.
import { useMutation } from '@apollo/client/react';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import type { SessionAction } from '@/graphql/generated/client/graphql';
import { EvidenceExcerpt } from '../../_components/EvidenceExcerpt';
import { errorCode, errorMessage } from '../../_apollo/errors';
import { TimerBar } from '../../_components/TimerBar';
import { Distribution } from '../../_sessions/Distribution';
import { JoinQrCode } from '../../_sessions/JoinQrCode';
import { ReconnectingNote, useLiveSession } from '../../_sessions/useLiveSession';
import { HostSessionQuery, HostSessionUpdated, LockSession, MoveSession, RemovePlayer } from '../../_sessions/session-documents';
import { savedHost, type SavedHost } from '../../_sessions/session-storage';
import { Podium, Standings } from '../../_sessions/Standings';

const ACTION_LABELS: Record<SessionAction, string> = {
  START: 'Start the quiz',
  CLOSE_QUESTION: 'Close and reveal',
  SHOW_LEADERBOARD: 'Show the leaderboard',
  NEXT_QUESTION: 'Next question',
  END: 'End the session',
};

export function HostScreen({ code }: { code: string }) {
  const [host, setHost] = useState<SavedHost | null | undefined>(undefined);
  useEffect(() => setHost(savedHost(code)), [code]);
  if (host === undefined) return <p className="loading">Loading…</p>;
  if (host === null) {
    return (
      <div className="error" role="alert">
        <p>This browser is not the host of session {code}. Open the host screen on the device that created it, or host a new session from the quizzes.</p>
        <Link className="button" href="/">
          Quizzes
        </Link>
      </div>
    );
  }
  return <HostLive code={code} host={host} />;
}

function HostLive({ code, host }: { code: string; host: SavedHost }) {
  const { view, take, error, reconnecting } = useLiveSession(HostSessionUpdated, HostSessionQuery, { code, hostToken: host.hostToken });
  const [actionError, setActionError] = useState<string | null>(null);
  const [move, { loading: moving }] = useMutation(MoveSession);
  const [lock] = useMutation(LockSession);
  const [remove] = useMutation(RemovePlayer);
  const [origin, setOrigin] = useState('');
  useEffect(() => setOrigin(window.location.origin), []);

  const session = view?.session;
  /**
   * Runs a host's action and shows the view it returns; a failure is shown
   * above the controls, unless `ignore` says this failure is expected.
   */
  const run = async <T,>(action: () => Promise<T>, viewOf: (result: T) => Parameters<typeof take>[0], ignore?: (code: string | undefined) => boolean) => {
    setActionError(null);
    try {
      take(viewOf(await action()));
    } catch (e) {
      if (!ignore?.(errorCode(e))) setActionError(errorMessage(e));
    }
  };

  /** A move, made from where this screen shows the class; `quiet` for automatic moves another tab may have made first. */
  const act = async (action: SessionAction, quiet = false) => {
    if (!session) return;
    await run(
      () => move({ variables: { sessionId: host.sessionId, hostToken: host.hostToken, action, expectedState: session.state, expectedQuestionNumber: session.questionNumber } }),
      (result) => result.data?.moveSession,
      (code) => quiet && (code === 'STALE_MOVE' || code === 'INVALID_MOVE'),
    );
  };

  // Close by itself when time is up or every student has answered (once per question).
  const autoClosed = useRef<string | null>(null);
  const closeOnce = () => {
    if (!session || session.state !== 'QUESTION_OPEN' || autoClosed.current === session.question?.id) return;
    autoClosed.current = session.question?.id ?? null;
    void act('CLOSE_QUESTION', true);
  };
  useEffect(() => {
    if (session?.state === 'QUESTION_OPEN' && session.playerCount > 0 && (session.host?.answerCount ?? 0) >= session.playerCount) closeOnce();
  });

  if (error && !session) {
    return (
      <div className="error" role="alert">
        <p>Could not open session {code}: {error.message}</p>
      </div>
    );
  }
  if (!session || !view) return <p className="loading">Connecting to session {code}…</p>;

  const joinUrl = `${origin}${session.joinPath}`;
  const actions = session.host?.allowedActions ?? [];
  const buttons = (
    <p className="host-actions">
      {actions.map((action) => (
        <button key={action} type="button" className={`button big${action === 'END' ? '' : ' primary'}`} disabled={moving} onClick={() => void act(action)}>
          {action === 'NEXT_QUESTION' && session.questionNumber >= session.questionCount ? 'Show the podium' : ACTION_LABELS[action]}
        </button>
      ))}
    </p>
  );

  return (
    <div className={`host-screen state-${session.state.toLowerCase()}`}>
      <header className="host-bar">
        <span className="host-title">{session.quizTitle}</span>
        <span>
          Code <strong className="code-inline">{session.code}</strong>
        </span>
        <span>
          <strong>{session.playerCount}</strong> {session.playerCount === 1 ? 'student' : 'students'}
        </span>
        {session.state !== 'LOBBY' && session.state !== 'FINISHED' && (
          <span>
            Question <strong>{session.questionNumber}</strong> of {session.questionCount}
          </span>
        )}
      </header>
      {actionError && (
        <p className="error" role="alert">
          {actionError}
        </p>
      )}
      {reconnecting && <ReconnectingNote />}

      {session.state === 'LOBBY' && (
        <section className="lobby" aria-labelledby="lobby-title">
          <div className="lobby-join">
            <h1 id="lobby-title">
              Join at <span className="join-url">{origin.replace(/^https?:\/\//, '')}/join</span>
            </h1>
            <p className="join-code" aria-label={`Join code ${session.code.split('').join(' ')}`}>
              {session.code}
            </p>
            {origin && <JoinQrCode url={joinUrl} />}
          </div>
          <div className="lobby-players">
            <h2>
              {session.playerCount} of {session.maxPlayers} students {session.locked && <span className="tag">Locked</span>}
            </h2>
            <ul className="player-chips" aria-live="polite">
              {session.host?.players.map((p) => (
                <li key={p.id}>
                  {p.nickname}
                  <button
                    type="button"
                    className="chip-remove"
                    aria-label={`Remove ${p.nickname}`}
                    onClick={() => void run(() => remove({ variables: { sessionId: host.sessionId, hostToken: host.hostToken, playerId: p.id } }), (r) => r.data?.removePlayer)}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
            <p className="host-actions">
              <button
                type="button"
                className="button"
                onClick={() => void run(() => lock({ variables: { sessionId: host.sessionId, hostToken: host.hostToken, locked: !session.locked } }), (r) => r.data?.lockSession)}
              >
                {session.locked ? 'Unlock the lobby' : 'Lock the lobby'}
              </button>
            </p>
            {buttons}
          </div>
        </section>
      )}

      {session.state === 'QUESTION_OPEN' && session.question && (
        <section className="host-question" aria-labelledby="host-prompt">
          <TimerBar
            key={session.question.id}
            deadline={view.receivedAt + (session.timeRemainingMs ?? 0)}
            limitMs={session.timeLimitSeconds * 1000}
            onExpire={closeOnce}
          />
          <h1 id="host-prompt" className="host-prompt">
            {session.question.prompt}
          </h1>
          <ol className="host-choices">
            {session.question.choices.map((choice, i) => (
              <li key={choice.id}>
                <span className="choice-key" aria-hidden="true">
                  {i + 1}
                </span>
                {choice.text}
              </li>
            ))}
          </ol>
          <p className="answer-count" aria-live="polite">
            <strong>{session.host?.answerCount ?? 0}</strong> of {session.playerCount} answered
          </p>
          {buttons}
        </section>
      )}

      {session.state === 'QUESTION_CLOSED' && session.question && session.reveal && (
        <section className="host-reveal" aria-labelledby="host-reveal-prompt">
          <h1 id="host-reveal-prompt" className="host-prompt small">
            {session.question.prompt}
          </h1>
          <Distribution distribution={session.reveal.distribution} correctChoiceId={session.reveal.correctChoice.id} />
          <p className="explanation">{session.reveal.explanation}</p>
          <EvidenceExcerpt evidence={session.reveal.evidence} />
          {buttons}
        </section>
      )}

      {session.state === 'LEADERBOARD' && (
        <section aria-labelledby="host-leaderboard-title">
          <h1 id="host-leaderboard-title">Leaderboard</h1>
          <Standings players={session.leaderboard ?? []} />
          {buttons}
        </section>
      )}

      {session.state === 'FINISHED' && (
        <section aria-labelledby="podium-title">
          <h1 id="podium-title">Podium</h1>
          <Podium players={session.leaderboard ?? []} />
          <Standings players={session.leaderboard ?? []} />
          <p className="host-actions">
            <Link className="button primary big" href={`/host/${session.code}/report`}>
              Open the teacher report
            </Link>
          </p>
        </section>
      )}
    </div>
  );
}
