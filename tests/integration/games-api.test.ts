// Playing through the real GraphQL endpoint: starting, serving, answering,
// the errors of the rules, keys revealed only after answering, leaderboards,
// and fifty players at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreAnswer } from '../../lib/games/scoring.ts';
import { createQuizDatabase, type TestDatabase } from '../helpers/database.ts';
import { startGraphQLServer, type GraphQLTestServer } from '../helpers/graphql-server.ts';

let db: TestDatabase;
let api: GraphQLTestServer;
let quizId: string;

const START = `mutation ($quizId: ID!, $nickname: String!, $mode: ScoringMode, $playerToken: String) {
  startGame(quizId: $quizId, nickname: $nickname, mode: $mode, playerToken: $playerToken) { playerToken game { id questionCount timeLimitSeconds mode status } }
}`;
const NEXT = `mutation ($gameId: ID!, $playerToken: String!) {
  nextQuestion(gameId: $gameId, playerToken: $playerToken) { id prompt number timeLimitSeconds timeRemainingMs choices { id text } }
}`;
const SUBMIT = `mutation ($gameId: ID!, $questionId: ID!, $choiceId: ID!, $playerToken: String!) {
  submitAnswer(gameId: $gameId, questionId: $questionId, choiceId: $choiceId, playerToken: $playerToken) {
    correct late points score streak explanation chosenChoice { id } correctChoice { id text }
    evidence { sentence start end article { id body } } game { status answeredCount score }
  }
}`;

async function start(nickname: string, mode = 'SPEED', playerToken?: string) {
  const result = await api.query(START, { quizId, nickname, mode, playerToken });
  expect(result.errors).toBeUndefined();
  return result.data.startGame as { playerToken: string; game: { id: string; questionCount: number; timeLimitSeconds: number } };
}

async function answerKey(questionId: string): Promise<number> {
  return (await db.prisma.question.findUniqueOrThrow({ where: { id: questionId } })).answerIndex;
}

beforeAll(async () => {
  const seeded = await createQuizDatabase();
  db = seeded;
  quizId = seeded.storyQuizId;
  api = await startGraphQLServer(db);
});
afterAll(async () => {
  await api?.close();
  await db?.drop();
});

describe('a game through GraphQL', () => {
  it('plays a whole quiz: right and wrong answers, evidence after each, a score on the leaderboard', async () => {
    const { playerToken, game } = await start('Ada');
    expect(game.questionCount).toBeGreaterThan(5);
    let expected = 0;
    for (let n = 1; n <= game.questionCount; n += 1) {
      const served = (await api.query(NEXT, { gameId: game.id, playerToken })).data.nextQuestion;
      expect(served.number).toBe(n);
      expect(served.timeRemainingMs).toBeGreaterThan(0);
      const key = await answerKey(served.id);
      const choice = n % 3 === 0 ? served.choices[(key + 1) % served.choices.length] : served.choices[key];
      const result = await api.query(SUBMIT, { gameId: game.id, questionId: served.id, choiceId: choice.id, playerToken });
      expect(result.errors).toBeUndefined();
      const answer = result.data.submitAnswer;
      expect(answer.correct).toBe(n % 3 !== 0);
      expect(answer.correctChoice.id).toBe(served.choices[key].id);
      expect(answer.evidence.article.body.slice(answer.evidence.start, answer.evidence.end)).toBe(answer.evidence.sentence);
      expect(answer.explanation.length).toBeGreaterThan(10);
      expected += answer.points;
      expect(answer.score).toBe(expected);
      expect(answer.game.answeredCount).toBe(n);
    }
    expect((await api.query(NEXT, { gameId: game.id, playerToken })).data.nextQuestion).toBeNull();
    const board = await api.query(`query ($quizId: ID, $token: String!) { leaderboard(quizId: $quizId) { entries { rank nickname score } myRank(playerToken: $token) { rank score } } }`, { quizId, token: playerToken });
    expect(board.data.leaderboard.entries).toContainEqual({ rank: 1, nickname: 'Ada', score: expected });
    expect(board.data.leaderboard.myRank).toEqual({ rank: 1, score: expected });
  });

  it('never shows which choice is right before the question is answered', async () => {
    const { playerToken, game } = await start('Bo');
    const served = (await api.query(NEXT, { gameId: game.id, playerToken })).data.nextQuestion;
    const everything = await api.query(
      `query ($id: ID!) { game(id: $id) { answers { question { id } correctChoice { id } } } quizzes { questions { id prompt quote choices { id text } } } }`,
      { id: game.id },
    );
    expect(everything.data.game.answers).toEqual([]);
    const stored = await db.prisma.question.findUniqueOrThrow({ where: { id: served.id } });
    expect(JSON.stringify(everything.data)).not.toContain(stored.explanation);
    expect(JSON.stringify(served)).not.toContain(stored.explanation);
    expect(served.choices.map((c: { text: string }) => c.text)).toEqual(stored.choices);
    // No served field but the choices themselves carries the right choice's text.
    const rightText = stored.choices[stored.answerIndex]!;
    const { choices: _choices, ...rest } = served;
    expect(JSON.stringify(rest)).not.toContain(rightText);
  });

  it('no public field of any question repeats the right choice outside the choices', async () => {
    const listed = await api.query('{ quizzes { questions { id type prompt quote number timeLimitSeconds article { id } } } }');
    const questions = listed.data.quizzes.flatMap((q: { questions: { id: string }[] }) => q.questions);
    expect(questions.length).toBeGreaterThan(20);
    for (const question of questions) {
      const stored = await db.prisma.question.findUniqueOrThrow({ where: { id: question.id } });
      const right = stored.choices[stored.answerIndex]!;
      const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${right.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u');
      expect(pattern.test(JSON.stringify(question)), `${question.type}: ${question.prompt}`).toBe(false);
    }
  });

  it('refuses a second answer to the same question with ALREADY_ANSWERED and adds nothing', async () => {
    const { playerToken, game } = await start('Cy');
    const served = (await api.query(NEXT, { gameId: game.id, playerToken })).data.nextQuestion;
    const choiceId = served.choices[await answerKey(served.id)].id;
    const first = await api.query(SUBMIT, { gameId: game.id, questionId: served.id, choiceId, playerToken });
    const again = await api.query(SUBMIT, { gameId: game.id, questionId: served.id, choiceId, playerToken });
    expect(again.errors?.[0].extensions.code).toBe('ALREADY_ANSWERED');
    const after = await db.prisma.game.findUniqueOrThrow({ where: { id: game.id } });
    expect(after.score).toBe(first.data.submitAnswer.score);
    expect(await db.prisma.answer.count({ where: { gameId: game.id } })).toBe(1);
  });

  it('two answers to one question sent at once count once', async () => {
    const { playerToken, game } = await start('Di');
    const served = (await api.query(NEXT, { gameId: game.id, playerToken })).data.nextQuestion;
    const choiceId = served.choices[await answerKey(served.id)].id;
    const results = await Promise.all([1, 2, 3].map(() => api.query(SUBMIT, { gameId: game.id, questionId: served.id, choiceId, playerToken })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions.code === 'ALREADY_ANSWERED')).toHaveLength(2);
    expect(await db.prisma.answer.count({ where: { gameId: game.id } })).toBe(1);
  });

  it('each misuse gets its own code and changes nothing', async () => {
    const { playerToken, game } = await start('Ed');
    const other = await start('Fa');
    const served = (await api.query(NEXT, { gameId: game.id, playerToken })).data.nextQuestion;
    const before = await db.prisma.game.findUniqueOrThrow({ where: { id: game.id } });
    const code = async (vars: Record<string, string>, query = SUBMIT) => (await api.query(query, vars)).errors?.[0]?.extensions.code;
    const base = { gameId: game.id, questionId: served.id, choiceId: served.choices[0].id, playerToken };
    expect(await code({ ...base, playerToken: other.playerToken })).toBe('FORBIDDEN');
    expect(await code({ ...base, playerToken: 'not-a-token' })).toBe('FORBIDDEN');
    expect(await code({ ...base, gameId: 'no-such-game' })).toBe('NOT_FOUND');
    expect(await code({ ...base, choiceId: 'nonsense' })).toBe('BAD_USER_INPUT');
    const stored = await db.prisma.game.findUniqueOrThrow({ where: { id: game.id } });
    const later = stored.questionIds[1]!;
    expect(await code({ ...base, questionId: later, choiceId: `${later}:0` })).toBe('QUESTION_NOT_SERVED');
    expect(await code({ gameId: game.id, playerToken: other.playerToken }, NEXT)).toBe('FORBIDDEN');
    expect((await api.query(START, { quizId: "nope", nickname: "Gi" })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await api.query(START, { quizId, nickname: "   " })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await api.query(START, { quizId, nickname: "x".repeat(21) })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await db.prisma.game.findUniqueOrThrow({ where: { id: game.id } })).toEqual(before);
    expect(await db.prisma.answer.count({ where: { gameId: game.id } })).toBe(0);
  });

  it('a finished game refuses more answers with GAME_FINISHED', async () => {
    const { playerToken, game } = await start('Hu', 'ACCURACY');
    let last: { id: string; choices: { id: string }[] } | undefined;
    for (;;) {
      const served = (await api.query(NEXT, { gameId: game.id, playerToken })).data.nextQuestion;
      if (!served) break;
      last = served;
      await api.query(SUBMIT, { gameId: game.id, questionId: served.id, choiceId: served.choices[0].id, playerToken });
    }
    const stored = await db.prisma.game.findUniqueOrThrow({ where: { id: game.id } });
    expect(stored.status).toBe('FINISHED');
    const retry = await api.query(SUBMIT, { gameId: game.id, questionId: last!.id, choiceId: last!.choices[1]!.id, playerToken });
    expect(retry.errors?.[0].extensions.code).toBe('GAME_FINISHED');
    const fresh = await db.prisma.game.update({ where: { id: game.id }, data: {} });
    expect(fresh.score).toBe(stored.score);
  });

  it('time running out: TIME_NOT_UP while time remains, then no points, the key and the evidence', async () => {
    const { playerToken, game } = await start('Jo');
    const served = (await api.query(NEXT, { gameId: game.id, playerToken })).data.nextQuestion;
    const EXPIRE = `mutation ($gameId: ID!, $questionId: ID!, $playerToken: String!) {
      expireQuestion(gameId: $gameId, questionId: $questionId, playerToken: $playerToken) { correct late points chosenChoice { id } correctChoice { id } evidence { sentence } }
    }`;
    const early = await api.query(EXPIRE, { gameId: game.id, questionId: served.id, playerToken });
    expect(early.errors?.[0].extensions.code).toBe('TIME_NOT_UP');
    // Let the server's clock run out: the question was served a minute ago.
    await db.prisma.game.update({ where: { id: game.id }, data: { servedAt: new Date(Date.now() - 60_000) } });
    const late = (await api.query(SUBMIT, { gameId: game.id, questionId: served.id, choiceId: served.choices[await answerKey(served.id)].id, playerToken })).data.submitAnswer;
    expect(late).toMatchObject({ correct: false, late: true, points: 0, streak: 0 });
    const next = (await api.query(NEXT, { gameId: game.id, playerToken })).data.nextQuestion;
    await db.prisma.game.update({ where: { id: game.id }, data: { servedAt: new Date(Date.now() - 60_000) } });
    const expired = (await api.query(EXPIRE, { gameId: game.id, questionId: next.id, playerToken })).data.expireQuestion;
    expect(expired).toMatchObject({ correct: false, late: true, points: 0, chosenChoice: null });
    expect(expired.correctChoice.id).toBe(next.choices[await answerKey(next.id)].id);
    expect(expired.evidence.sentence.length).toBeGreaterThan(10);
  });

  it('a question left to time out is recorded when the player comes back', async () => {
    const { playerToken, game } = await start('Ka');
    const first = (await api.query(NEXT, { gameId: game.id, playerToken })).data.nextQuestion;
    await db.prisma.game.update({ where: { id: game.id }, data: { servedAt: new Date(Date.now() - 120_000) } });
    const second = (await api.query(NEXT, { gameId: game.id, playerToken })).data.nextQuestion;
    expect(second.id).not.toBe(first.id);
    expect(second.number).toBe(2);
    const recorded = await db.prisma.answer.findFirstOrThrow({ where: { gameId: game.id, questionId: first.id } });
    expect(recorded).toMatchObject({ choiceIndex: null, correct: false, late: true, points: 0 });
  });

  it('a game left on its last question finishes when its time is up, and its score reaches the leaderboard', async () => {
    const { playerToken, game } = await start('Lu', 'ACCURACY');
    const stored = await db.prisma.game.findUniqueOrThrow({ where: { id: game.id } });
    // Jump to the last question, served long ago, as if the tab was closed there.
    await db.prisma.game.update({ where: { id: game.id }, data: { currentIndex: stored.questionIds.length - 1, servedAt: new Date(Date.now() - 20 * 60_000) } });
    const { finishTimedOutGames } = await import('../../lib/games/finish-timed-out-games.ts');
    expect(await finishTimedOutGames(db.prisma)).toBeGreaterThanOrEqual(1);
    expect((await db.prisma.game.findUniqueOrThrow({ where: { id: game.id } })).status).toBe('FINISHED');
    expect(await db.prisma.score.count({ where: { gameId: game.id } })).toBe(1);
    expect(await finishTimedOutGames(db.prisma)).toBe(0);
    expect((await api.query(NEXT, { gameId: game.id, playerToken })).data.nextQuestion).toBeNull();
  });

  it('a game abandoned midway finishes after half an hour, the rest unanswered', async () => {
    const { playerToken, game } = await start('Mo', 'ACCURACY');
    const served = (await api.query(NEXT, { gameId: game.id, playerToken })).data.nextQuestion;
    await api.query(SUBMIT, { gameId: game.id, questionId: served.id, choiceId: served.choices[await answerKey(served.id)].id, playerToken });
    const { finishTimedOutGames } = await import('../../lib/games/finish-timed-out-games.ts');
    await finishTimedOutGames(db.prisma, new Date(Date.now() + 10 * 60_000));
    expect((await db.prisma.game.findUniqueOrThrow({ where: { id: game.id } })).status).toBe('ACTIVE');
    await finishTimedOutGames(db.prisma, new Date(Date.now() + 31 * 60_000));
    const finished = await db.prisma.game.findUniqueOrThrow({ where: { id: game.id }, include: { answers: true } });
    expect(finished.status).toBe('FINISHED');
    expect(finished.answers).toHaveLength(game.questionCount);
    expect(finished.score).toBe(1000);
    expect(await db.prisma.score.count({ where: { gameId: game.id, score: 1000 } })).toBe(1);
  });

  it('a returning player keeps their identity with their token', async () => {
    const first = await start('Ivo');
    const second = await start('Ivo B', 'SPEED', first.playerToken);
    expect(second.playerToken).toBe(first.playerToken);
    const players = await db.prisma.game.findMany({ where: { id: { in: [first.game.id, second.game.id] } }, select: { playerId: true } });
    expect(new Set(players.map((p) => p.playerId)).size).toBe(1);
  });

  it('fifty players at once: no answer lost, every score as the rules give it', async () => {
    const players = await Promise.all(Array.from({ length: 50 }, (_, i) => start(`Player ${i}`, i % 2 ? 'ACCURACY' : 'SPEED')));
    await Promise.all(
      players.map(async ({ playerToken, game }, i) => {
        for (let n = 0; ; n += 1) {
          const served = (await api.query(NEXT, { gameId: game.id, playerToken })).data.nextQuestion;
          if (!served) break;
          const key = await answerKey(served.id);
          const pick = (i + n) % 4 === 0 ? (key + 1) % served.choices.length : key;
          const result = await api.query(SUBMIT, { gameId: game.id, questionId: served.id, choiceId: served.choices[pick].id, playerToken });
          expect(result.errors).toBeUndefined();
        }
      }),
    );
    for (const { game } of players) {
      const stored = await db.prisma.game.findUniqueOrThrow({ where: { id: game.id }, include: { answers: { orderBy: { answeredAt: 'asc' }, include: { question: true } } } });
      expect(stored.status).toBe('FINISHED');
      expect(stored.answers).toHaveLength(game.questionCount);
      let streak = 0;
      let total = 0;
      for (const answer of stored.answers) {
        const chosenRight = answer.choiceIndex === answer.question.answerIndex;
        const rule = scoreAnswer({ mode: stored.mode, correct: chosenRight, responseMs: answer.responseMs, timeLimitMs: stored.timeLimitSeconds * 1000, streakBefore: streak });
        expect(answer.points).toBe(rule.points);
        expect(answer.correct).toBe(chosenRight && !rule.late);
        streak = rule.streak;
        total += rule.points;
      }
      expect(stored.score).toBe(total);
    }
    const board = await api.query(`query ($quizId: ID) { leaderboard(quizId: $quizId, first: 100) { entries { nickname } } }`, { quizId });
    const names = board.data.leaderboard.entries.map((e: { nickname: string }) => e.nickname);
    for (let i = 0; i < 50; i += 1) expect(names).toContain(`Player ${i}`);
  });
});
