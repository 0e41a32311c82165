// The host-paced flow of a classroom session, as one pure state machine:
// lobby → question open (timer) → question closed (distribution, answer,
// evidence) → leaderboard (if shown) → next question … → finished (podium and
// report). The host may end at any time. Only the host's requests move it;
// every move is stored by the session service, so a restart resumes exactly.

export type SessionState = 'LOBBY' | 'QUESTION_OPEN' | 'QUESTION_CLOSED' | 'LEADERBOARD' | 'FINISHED';
export type SessionAction = 'START' | 'CLOSE_QUESTION' | 'SHOW_LEADERBOARD' | 'NEXT_QUESTION' | 'END';

export interface FlowPosition {
  state: SessionState;
  /** The question being played or just closed (0-based); -1 in the lobby. */
  index: number;
}

export interface FlowSettings {
  questionCount: number;
  showLeaderboard: boolean;
}

export class FlowError extends Error {
  override name = 'FlowError';
}

/** What the host can do next from here (the host screen shows these as buttons). */
export function allowedActions(position: FlowPosition, settings: FlowSettings): SessionAction[] {
  switch (position.state) {
    case 'LOBBY':
      return settings.questionCount > 0 ? ['START', 'END'] : ['END'];
    case 'QUESTION_OPEN':
      return ['CLOSE_QUESTION', 'END'];
    case 'QUESTION_CLOSED':
      return settings.showLeaderboard ? ['SHOW_LEADERBOARD', 'NEXT_QUESTION', 'END'] : ['NEXT_QUESTION', 'END'];
    case 'LEADERBOARD':
      return ['NEXT_QUESTION', 'END'];
    case 'FINISHED':
      return [];
  }
}

/** The position after `action`; FlowError when the action is not allowed here. */
export function advance(position: FlowPosition, action: SessionAction, settings: FlowSettings): FlowPosition {
  if (!allowedActions(position, settings).includes(action)) {
    throw new FlowError(`${action} is not possible while the session is ${position.state}`);
  }
  switch (action) {
    case 'START':
      return { state: 'QUESTION_OPEN', index: 0 };
    case 'CLOSE_QUESTION':
      return { state: 'QUESTION_CLOSED', index: position.index };
    case 'SHOW_LEADERBOARD':
      return { state: 'LEADERBOARD', index: position.index };
    case 'NEXT_QUESTION':
      // After the last question, "next" is the podium.
      return position.index + 1 >= settings.questionCount ? { state: 'FINISHED', index: position.index } : { state: 'QUESTION_OPEN', index: position.index + 1 };
    case 'END':
      return { state: 'FINISHED', index: position.index };
  }
}
