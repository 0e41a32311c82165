// Real games and classroom sessions made through the API, for attacks that
// need something to attack: a game with a question served, a session with
// students and a question open. Each is made from a fresh client address so
// setting up never spends an attack's rate limits.
import { expect } from 'vitest';
import type { GraphQLTestServer } from '../helpers/graphql-server.ts';
import { freshAddress, gql } from './helpers.ts';
import { createPlayerToken } from '../../lib/games/player-token.ts';

export interface PlayedGame {
  gameId: string;
  playerToken: string;
  /** The question served (its timer running). */
  questionId: string;
  choiceIds: string[];
}

export interface HostedSession {
  sessionId: string;
  code: string;
  hostToken: string;
  players: { id: string; playerToken: string; nickname: string }[];
  /** The open question, once started. */
  questionId?: string;
  choiceIds?: string[];
}

/** A token of the right shape that the server never handed out. */
export const madeUpToken = createPlayerToken;

async function ok(reply: Promise<{ errors: unknown[]; data: any }>): Promise<any> {
  const { errors, data } = await reply;
  expect(errors, 'fixture request failed').toEqual([]);
  return data;
}

/** Starts a game and has its first question served. */
export async function playGame(api: GraphQLTestServer, quizId: string, nickname: string): Promise<PlayedGame> {
  const address = freshAddress();
  const started = await ok(
    gql(api, `mutation ($quizId: ID!, $nickname: String!) { startGame(quizId: $quizId, nickname: $nickname) { playerToken game { id } } }`, { quizId, nickname }, address),
  );
  const { playerToken, game } = started.startGame;
  const served = await ok(gql(api, `mutation ($g: ID!, $t: String!) { nextQuestion(gameId: $g, playerToken: $t) { id choices { id } } }`, { g: game.id, t: playerToken }, address));
  return { gameId: game.id, playerToken, questionId: served.nextQuestion.id, choiceIds: served.nextQuestion.choices.map((c: { id: string }) => c.id) };
}

/** Hosts a session, lets `nicknames` join, and (if `start`) opens its first question. */
export async function hostSession(api: GraphQLTestServer, quizId: string, nicknames: string[], start = true): Promise<HostedSession> {
  const address = freshAddress();
  const created = await ok(
    gql(api, `mutation ($quizId: ID!) { createSession(quizId: $quizId, settings: { questionCount: 2 }) { hostToken session { id code } } }`, { quizId }, address),
  );
  const session: HostedSession = { sessionId: created.createSession.session.id, code: created.createSession.session.code, hostToken: created.createSession.hostToken, players: [] };
  for (const nickname of nicknames) {
    const joined = await ok(
      gql(api, `mutation ($code: String!, $nickname: String!) { joinSession(code: $code, nickname: $nickname) { playerToken player { id } } }`, { code: session.code, nickname }, address),
    );
    session.players.push({ id: joined.joinSession.player.id, playerToken: joined.joinSession.playerToken, nickname });
  }
  if (start) {
    const moved = await ok(
      gql(api, `mutation ($s: ID!, $t: String!) { moveSession(sessionId: $s, hostToken: $t, action: START) { question { id choices { id } } } }`, { s: session.sessionId, t: session.hostToken }, address),
    );
    session.questionId = moved.moveSession.question.id;
    session.choiceIds = moved.moveSession.question.choices.map((c: { id: string }) => c.id);
  }
  return session;
}
