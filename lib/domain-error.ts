// Errors of the rules (games, leaderboards, classroom sessions), each with a
// code a client can act on. The GraphQL layer passes the code on as
// `extensions.code`.
export type DomainErrorCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'QUESTION_NOT_SERVED'
  | 'ALREADY_ANSWERED'
  | 'GAME_FINISHED'
  | 'QUIZ_EMPTY'
  | 'TIME_NOT_UP'
  | 'SESSION_LOCKED'
  | 'SESSION_FULL'
  | 'SESSION_FINISHED'
  | 'NICKNAME_TAKEN'
  | 'PLAYER_REMOVED'
  | 'QUESTION_NOT_OPEN'
  | 'QUESTION_CLOSED'
  | 'INVALID_MOVE'
  | 'STALE_MOVE';

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
  }
}
