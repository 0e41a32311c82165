// Classroom sessions through the real GraphQL endpoint: hosting, joining,
// the host-paced flow, answers and their reveal, and every refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET } from '../../lib/sessions/join-code.ts';
import { createQuizDatabase, type TestDatabase } from '../helpers/database.ts';
import { startGraphQLServer, type GraphQLTestServer } from '../helpers/graphql-server.ts';

let db: TestDatabase;
let api: GraphQLTestServer;
let quizId: string;

const VIEW = `id code state questionNumber questionCount playerCount version timeRemainingMs locked
  question { id prompt choices { id text } }
  reveal { correctChoice { id } explanation evidence { sentence } distribution { choice { id } count } answerCount }
  leaderboard { nickname score rank }
  host { answerCount players { id nickname score } allowedActions }
  me { nickname score rank answeredCurrent lastAnswer { correct points choice { id } } }`;

const CREATE = `mutation ($quizId: ID!, $settings: SessionSettings) { createSession(quizId: $quizId, settings: $settings) { hostToken session { ${VIEW} } } }`;
const JOIN = `mutation ($code: String!, $nickname: String!) { joinSession(code: $code, nickname: $nickname) { playerToken player { id nickname } session { ${VIEW} } } }`;
const MOVE = `mutation ($sessionId: ID!, $hostToken: String!, $action: SessionAction!) { moveSession(sessionId: $sessionId, hostToken: $hostToken, action: $action) { ${VIEW} } }`;
const ANSWER = `mutation ($sessionId: ID!, $questionId: ID!, $choiceId: ID!, $playerToken: String!) {
  answerSessionQuestion(sessionId: $sessionId, questionId: $questionId, choiceId: $choiceId, playerToken: $playerToken) { questionId choiceId answeredAt }
}`;
const VIEW_QUERY = `query ($code: String!, $hostToken: String, $playerToken: String) { session(code: $code, hostToken: $hostToken, playerToken: $playerToken) { ${VIEW} } }`;

async function host(settings?: Record<string, unknown>) {
  const result = await api.query(CREATE, { quizId, settings });
  expect(result.errors).toBeUndefined();
  return result.data.createSession as { hostToken: string; session: { id: string; code: string; questionCount: number } };
}

async function join(code: string, nickname: string) {
  const result = await api.query(JOIN, { code, nickname });
  return result as { data?: { joinSession: { playerToken: string; player: { id: string } } }; errors?: { extensions: { code: string } }[] };
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

describe('classroom sessions', () => {
  it('hosts with a readable join code and a host token kept only as a hash', async () => {
    const { hostToken, session } = await host({ questionCount: 3 });
    expect(session.code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(session.questionCount).toBe(3);
    const stored = await db.prisma.classSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(JSON.stringify(stored)).not.toContain(hostToken);
  });

  it('plays a whole session: answers hidden until closed, distribution and evidence on reveal, podium', async () => {
    const { hostToken, session } = await host({ questionCount: 2, mode: 'ACCURACY' });
    const ann = (await join(session.code, 'Ann')).data!.joinSession;
    const bob = (await join(session.code.toLowerCase(), 'Bob')).data!.joinSession;
    const move = async (action: string) => (await api.query(MOVE, { sessionId: session.id, hostToken, action })).data.moveSession;

    let view = await move('START');
    expect(view.state).toBe('QUESTION_OPEN');
    expect(view.reveal).toBeNull();
    expect(view.timeRemainingMs).toBeGreaterThan(0);
    const question = view.question;
    const key = (await db.prisma.question.findUniqueOrThrow({ where: { id: question.id } })).answerIndex;
    const right = question.choices[key].id;
    const wrong = question.choices[(key + 1) % question.choices.length].id;
    await api.query(ANSWER, { sessionId: session.id, questionId: question.id, choiceId: right, playerToken: ann.playerToken });
    await api.query(ANSWER, { sessionId: session.id, questionId: question.id, choiceId: wrong, playerToken: bob.playerToken });

    // While open: the student's view has no answer key; the host sees the count.
    const studentView = (await api.query(VIEW_QUERY, { code: session.code, playerToken: ann.playerToken })).data.session;
    expect(studentView.reveal).toBeNull();
    expect(studentView.host).toBeNull();
    expect(studentView.me).toMatchObject({ nickname: 'Ann', score: 0, answeredCurrent: true, lastAnswer: null });
    const hostView = (await api.query(VIEW_QUERY, { code: session.code, hostToken })).data.session;
    expect(hostView.host.answerCount).toBe(2);
    // Scores move only when the question closes: the projector gives nothing away either.
    expect(hostView.host.players.every((p: { score: number }) => p.score === 0)).toBe(true);

    view = await move('CLOSE_QUESTION');
    expect(view.reveal.correctChoice.id).toBe(right);
    expect(view.reveal.evidence.sentence.length).toBeGreaterThan(10);
    expect(view.reveal.distribution.find((d: { choice: { id: string } }) => d.choice.id === right).count).toBe(1);
    expect(view.reveal.distribution.find((d: { choice: { id: string } }) => d.choice.id === wrong).count).toBe(1);
    const annAfter = (await api.query(VIEW_QUERY, { code: session.code, playerToken: ann.playerToken })).data.session.me;
    expect(annAfter.lastAnswer).toMatchObject({ correct: true, points: 1000, choice: { id: right } });

    view = await move('SHOW_LEADERBOARD');
    expect(view.leaderboard[0]).toMatchObject({ nickname: 'Ann', score: 1000, rank: 1 });
    view = await move('NEXT_QUESTION');
    expect(view.questionNumber).toBe(2);
    view = await move('CLOSE_QUESTION');
    view = await move('NEXT_QUESTION');
    expect(view.state).toBe('FINISHED');
    expect(view.leaderboard.map((p: { nickname: string }) => p.nickname)).toEqual(['Ann', 'Bob']);
    const events = await db.prisma.sessionEvent.findMany({ where: { sessionId: session.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['START', 'CLOSE_QUESTION', 'SHOW_LEADERBOARD', 'NEXT_QUESTION', 'CLOSE_QUESTION', 'NEXT_QUESTION']);
  });

  it('refuses, each with its code and no change: wrong host token, locked, full, bad or duplicate nickname, answer after close', async () => {
    const { hostToken, session } = await host({ maxPlayers: 2, questionCount: 1 });
    const other = await host();
    const code = async (query: string, vars: Record<string, unknown>) => (await api.query(query, vars)).errors?.[0]?.extensions.code;
    const before = await db.prisma.classSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(await code(MOVE, { sessionId: session.id, hostToken: other.hostToken, action: 'START' })).toBe('FORBIDDEN');
    expect(await code(MOVE, { sessionId: session.id, hostToken: 'nonsense', action: 'START' })).toBe('FORBIDDEN');
    expect(await code(VIEW_QUERY, { code: session.code, hostToken: other.hostToken })).toBe('FORBIDDEN');
    expect(await code(MOVE, { sessionId: session.id, hostToken, action: 'CLOSE_QUESTION' })).toBe('INVALID_MOVE');
    // A move decided on an outdated screen (a second tab, an old timer) is refused.
    const STALE = `mutation ($s: ID!, $t: String!) { moveSession(sessionId: $s, hostToken: $t, action: START, expectedState: QUESTION_CLOSED, expectedQuestionNumber: 1) { state } }`;
    expect(await code(STALE, { s: session.id, t: hostToken })).toBe('STALE_MOVE');
    expect(await db.prisma.classSession.findUniqueOrThrow({ where: { id: session.id } })).toEqual(before);

    const cy = (await join(session.code, 'Cy')).data!.joinSession;
    expect((await join(session.code, 'cY')).errors?.[0]?.extensions.code).toBe('NICKNAME_TAKEN');
    expect((await join(session.code, '  ')).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect((await join(session.code, 'x'.repeat(21))).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect((await join(session.code, 'Sh1thead')).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect((await join('ZZZZZZ', 'Dee')).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    await join(session.code, 'Dee');
    expect((await join(session.code, 'Eve')).errors?.[0]?.extensions.code).toBe('SESSION_FULL');
    await api.query(`mutation ($id: ID!, $t: String!) { lockSession(sessionId: $id, hostToken: $t, locked: true) { locked } }`, { id: session.id, t: hostToken });
    const unlockedOther = await host();
    await api.query(`mutation ($id: ID!, $t: String!) { lockSession(sessionId: $id, hostToken: $t, locked: true) { locked } }`, { id: unlockedOther.session.id, t: unlockedOther.hostToken });
    expect((await join(unlockedOther.session.code, 'Fay')).errors?.[0]?.extensions.code).toBe('SESSION_LOCKED');
    expect(await db.prisma.sessionPlayer.count({ where: { sessionId: session.id } })).toBe(2);

    const started = (await api.query(MOVE, { sessionId: session.id, hostToken, action: 'START' })).data.moveSession;
    const q = started.question;
    await api.query(MOVE, { sessionId: session.id, hostToken, action: 'CLOSE_QUESTION' });
    expect(await code(ANSWER, { sessionId: session.id, questionId: q.id, choiceId: q.choices[0].id, playerToken: cy.playerToken })).toBe('QUESTION_CLOSED');
    expect(await db.prisma.sessionAnswer.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it('a removed student can no longer answer; a second answer is ALREADY_ANSWERED', async () => {
    const { hostToken, session } = await host({ questionCount: 1 });
    const gus = (await join(session.code, 'Gus')).data!.joinSession;
    const hal = (await join(session.code, 'Hal')).data!.joinSession;
    const q = (await api.query(MOVE, { sessionId: session.id, hostToken, action: 'START' })).data.moveSession.question;
    const answer = (token: string) => api.query(ANSWER, { sessionId: session.id, questionId: q.id, choiceId: q.choices[0].id, playerToken: token });
    // Five taps at once: one answer recorded, the rest ALREADY_ANSWERED.
    const taps = await Promise.all(Array.from({ length: 5 }, () => answer(gus.playerToken)));
    expect(taps.filter((t) => !t.errors)).toHaveLength(1);
    expect(taps.filter((t) => t.errors).map((t) => t.errors![0].extensions.code)).toEqual(Array(4).fill('ALREADY_ANSWERED'));
    expect((await answer(gus.playerToken)).errors?.[0]?.extensions.code).toBe('ALREADY_ANSWERED');
    expect(await db.prisma.sessionAnswer.count({ where: { sessionId: session.id } })).toBe(1);
    await api.query(`mutation ($id: ID!, $t: String!, $p: ID!) { removePlayer(sessionId: $id, hostToken: $t, playerId: $p) { playerCount } }`, { id: session.id, t: hostToken, p: hal.player.id });
    expect((await answer(hal.playerToken)).errors?.[0]?.extensions.code).toBe('PLAYER_REMOVED');
  });

  it('reports per question and per student, as GraphQL and as CSV, for the host only', async () => {
    const { hostToken, session } = await host({ questionCount: 3, mode: 'ACCURACY' });
    const ivy = (await join(session.code, 'Ivy')).data!.joinSession;
    const jon = (await join(session.code, '=Jon')).data!.joinSession;
    await join(session.code, 'Kim');
    const move = async (action: string) => (await api.query(MOVE, { sessionId: session.id, hostToken, action })).data.moveSession;
    const q = (await move('START')).question;
    const key = (await db.prisma.question.findUniqueOrThrow({ where: { id: q.id } })).answerIndex;
    const wrongIndex = (key + 1) % q.choices.length;
    await api.query(ANSWER, { sessionId: session.id, questionId: q.id, choiceId: q.choices[key].id, playerToken: ivy.playerToken });
    await api.query(ANSWER, { sessionId: session.id, questionId: q.id, choiceId: q.choices[wrongIndex].id, playerToken: jon.playerToken });
    // Lou joins after the question opened: not counted against it.
    await join(session.code, 'Lou');
    await move('CLOSE_QUESTION');
    await move('END');

    const REPORT = `query ($id: ID!, $t: String!) { sessionReport(sessionId: $id, hostToken: $t) {
      state questions { number correctCount answerCount percentCorrect correctChoice { id } distribution { choice { id } count } evidence { sentence } }
      students { nickname rank score correctCount answers { questionNumber correct points choice { id } } } csv } }`;
    const wrong = await api.query(REPORT, { id: session.id, t: 'wrong' });
    expect(wrong.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const { data, errors } = await api.query(REPORT, { id: session.id, t: hostToken });
    expect(errors).toBeUndefined();
    const report = data.sessionReport;
    expect(report.state).toBe('FINISHED');
    // Ended after the first question: only it is reported.
    expect(report.questions).toHaveLength(1);
    expect(report.questions[0]).toMatchObject({ number: 1, correctCount: 1, answerCount: 2, percentCorrect: 33.3, correctChoice: { id: q.choices[key].id } });
    expect(report.questions[0].distribution.map((d: { count: number }) => d.count)).toEqual(q.choices.map((_: unknown, i: number) => (i === key || i === wrongIndex ? 1 : 0)));
    expect(report.students.map((s: { nickname: string }) => s.nickname)).toEqual(['Ivy', '=Jon', 'Kim', 'Lou']);
    expect(report.students[0]).toMatchObject({ rank: 1, score: 1000, correctCount: 1, answers: [{ questionNumber: 1, correct: true, points: 1000, choice: { id: q.choices[key].id } }] });
    expect(report.students[2].answers[0]).toMatchObject({ correct: false, choice: null });

    // UTF-8 with a byte-order mark, for spreadsheets.
    expect(report.csv.startsWith('\uFEFF')).toBe(true);
    const lines: string[] = report.csv.slice(1).trim().split('\n');
    expect(lines[0]).toBe('Rank,Nickname,Score,Correct answers,Removed,Q1 answer,Q1 correct,Q1 points');
    expect(lines[1]).toMatch(/^1,Ivy,1000,1,no,.+,yes,1000$/);
    // A nickname that looks like a formula is escaped for spreadsheets.
    expect(lines[2]).toMatch(/^2,'=Jon,0,0,no,.+,no,0$/);
    expect(lines[3]).toBe('3,Kim,0,0,no,,no answer,0');
    expect(lines[4]).toBe('4,Lou,0,0,no,,no answer,0');
    expect(lines[5]).toBe(',Class: percent correct,,,,,33.3%,');
  });
});
