// Errors of the game rules, each with a code a client can act on. The GraphQL
// layer passes the code on as `extensions.code`.
export type GameErrorCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'QUESTION_NOT_SERVED'
  | 'ALREADY_ANSWERED'
  | 'GAME_FINISHED'
  | 'QUIZ_EMPTY'
  | 'TIME_NOT_UP';

export class GameError extends Error {
  override name = 'GameError';
  constructor(
    readonly code: GameErrorCode,
    message: string,
  ) {
    super(message);
  }
}
