// npm run bench — a classroom burst: 300 students answer the same question
// within one second, through the real HTTP endpoint of the production server
// (server/main.ts), while the host follows the live count over WebSocket and
// every student follows the session on their own WebSocket. Checks that every
// answer is recorded once, that the host's count reaches 300 and that every
// student sees the question closed (and how long after the host closed it),
// and reports answer latency (p50, p99, max) as a ratio against a
// baseline run in the same process against the same server: the same burst of
// the cheapest GraphQL request ({ __typename }).
import os from 'node:os';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startBenchDatabase } from './bench-database.ts';
import { recordResults } from './results.ts';
import { percentile, round1 } from './stats.ts';
import { OUR_SERVER, startServerProcess, type RunningServer } from './server-process.ts';

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WINDOW_MS = 1000;

async function gql<T = any>(url: string, query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: T; errors?: { message: string }[] };
}

/** Fires `count` requests spread evenly over WINDOW_MS; resolves with each one's latency. */
async function burst(count: number, send: (i: number) => Promise<boolean>): Promise<{ latencies: number[]; failures: number; spanMs: number }> {
  const start = performance.now();
  const latencies: number[] = [];
  let failures = 0;
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      await new Promise((resolve) => setTimeout(resolve, (i * WINDOW_MS) / count));
      const t0 = performance.now();
      const ok = await send(i);
      latencies.push(performance.now() - t0);
      if (!ok) failures += 1;
    }),
  );
  return { latencies, failures, spanMs: performance.now() - start };
}


async function main() {
  const db = await startBenchDatabase();
  let server: RunningServer | undefined;
  try {
    const { url: databaseUrl, prisma } = db;
    const quiz = await prisma.quiz.findFirstOrThrow({ where: { kind: 'STORY' } });
    server = await startServerProcess(OUR_SERVER, { DATABASE_URL: databaseUrl });
    const { url } = server;

    const created = await gql(url, `mutation ($q: ID!, $n: Int!) { createSession(quizId: $q, settings: { maxPlayers: 500, timeLimitSeconds: 120, showLeaderboard: false, questionCount: $n }) { hostToken session { id code } } }`, { q: quiz.id, n: ROUNDS + 1 });
    const { hostToken, session } = created.data.createSession as { hostToken: string; session: { id: string; code: string } };
    const tokens: string[] = [];
    for (let i = 0; i < STUDENTS; i += 20) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(20, STUDENTS - i) }, (_, j) => gql(url, `mutation ($c: String!, $n: String!) { joinSession(code: $c, nickname: $n) { playerToken } }`, { c: session.code, n: `Student ${i + j + 1}` })),
      );
      for (const result of batch) {
        if (result.errors) throw new Error(`join failed: ${JSON.stringify(result.errors)}`);
        tokens.push(result.data.joinSession.playerToken);
      }
    }

    // The host follows live over WebSocket, as the projector screen does.
    const ws = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    let hostCount = -1;
    let hostQuestion = '';
    let countReachedAt = 0;
    ws.subscribe<{ sessionUpdated: { question: { id: string } | null; host: { answerCount: number } } }>(
      { query: `subscription ($c: String!, $t: String) { sessionUpdated(code: $c, hostToken: $t) { question { id } host { answerCount } } }`, variables: { c: session.code, t: hostToken } },
      {
        next: ({ data }) => {
          if (!data) return;
          hostQuestion = data.sessionUpdated.question?.id ?? '';
          hostCount = data.sessionUpdated.host.answerCount;
          if (hostCount === STUDENTS && !countReachedAt) countReachedAt = performance.now();
        },
        error: (error) => console.error('subscription error', error),
        complete: () => {},
      },
    );

    // Every student follows on their own WebSocket too, as the phones do: how long after the host
    // closes a question does each of them see it closed?
    const studentSockets = tokens.map(() => createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false }));
    const sawClosedAt: number[][] = [];
    let currentRound = 0;
    await Promise.all(
      studentSockets.map(
        (socket, i) =>
          new Promise<void>((resolve) => {
            socket.subscribe<{ sessionUpdated: { state: string; questionNumber: number } }>(
              { query: `subscription ($c: String!, $t: String) { sessionUpdated(code: $c, playerToken: $t) { state questionNumber } }`, variables: { c: session.code, t: tokens[i] } },
              {
                next: ({ data }) => {
                  resolve();
                  if (!data || data.sessionUpdated.state !== 'QUESTION_CLOSED' || data.sessionUpdated.questionNumber !== currentRound + 1) return;
                  (sawClosedAt[currentRound] ??= [])[i] ??= performance.now();
                },
                error: (error) => console.error('student subscription error', error),
                complete: () => {},
              },
            );
          }),
      ),
    );

    const move = async (action: string) => {
      const result = await gql(url, `mutation ($s: ID!, $t: String!, $a: SessionAction!) { moveSession(sessionId: $s, hostToken: $t, action: $a) { question { id choices { id } } } }`, { s: session.id, t: hostToken, a: action });
      if (result.errors) throw new Error(`${action} failed: ${JSON.stringify(result.errors)}`);
      return result.data.moveSession;
    };

    const answerLatencies: number[] = [];
    const warmLatencies: number[] = [];
    const baselineLatencies: number[] = [];
    /** Per student and round: from the host's close request being sent to the student's subscription showing it. */
    const closeDelays: number[] = [];
    const rounds: Record<string, unknown>[] = [];
    let view = await move('START');
    // Round 0 warms the fresh server up (JIT, the connection pools growing), as a server that has
    // been running before the class would be; it is not counted.
    for (let round = 0; round <= ROUNDS; round += 1) {
      // Baseline: the same burst shape with the cheapest request, against the same server.
      const baseline = await burst(STUDENTS, async () => !(await gql(url, '{ __typename }')).errors);
      if (round > 0) baselineLatencies.push(...baseline.latencies);

      const question = view.question as { id: string; choices: { id: string }[] };
      countReachedAt = 0;
      const codes = new Map<string, number>();
      const answers = await burst(STUDENTS, async (i) => {
        const result = await gql(url, `mutation ($s: ID!, $q: ID!, $c: ID!, $t: String!) { answerSessionQuestion(sessionId: $s, questionId: $q, choiceId: $c, playerToken: $t) { answeredAt } }`, {
          s: session.id,
          q: question.id,
          c: question.choices[i % question.choices.length]!.id,
          t: tokens[i],
        });
        const code = result.errors?.[0]?.extensions?.code;
        if (code) codes.set(code, (codes.get(code) ?? 0) + 1);
        return !result.errors;
      });
      const lastAnswerAt = performance.now();
      if (round > 0) answerLatencies.push(...answers.latencies);
      if (round > 1) warmLatencies.push(...answers.latencies);
      // Wait (up to 5 s) for the host's live count to reach everyone.
      const deadline = Date.now() + 5000;
      while (!(hostQuestion === question.id && hostCount === STUDENTS) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      const stored = await prisma.sessionAnswer.count({ where: { sessionId: session.id, questionId: question.id } });
      const distinct = (await prisma.sessionAnswer.groupBy({ by: ['playerId'], where: { sessionId: session.id, questionId: question.id } })).length;
      rounds.push({
        round,
        answers: STUDENTS,
        failed: answers.failures,
        errorCodes: Object.fromEntries(codes),
        storedOnce: stored === STUDENTS && distinct === STUDENTS,
        hostCountReached: hostCount === STUDENTS ? STUDENTS : hostCount,
        hostCountLagMs: countReachedAt ? round1(Math.max(0, countReachedAt - lastAnswerAt)) : null,
        burstSpanMs: Math.round(answers.spanMs),
        p50Ms: round1(percentile(answers.latencies, 50)),
        p99Ms: round1(percentile(answers.latencies, 99)),
        maxMs: round1(Math.max(...answers.latencies)),
        baselineP99Ms: round1(percentile(baseline.latencies, 99)),
      });
      currentRound = round;
      const closeSentAt = performance.now();
      await move('CLOSE_QUESTION');
      const seenDeadline = Date.now() + 5000;
      while ((sawClosedAt[round] ?? []).filter(Boolean).length < STUDENTS && Date.now() < seenDeadline) await new Promise((resolve) => setTimeout(resolve, 5));
      const delays = (sawClosedAt[round] ?? []).filter(Boolean).map((at) => at - closeSentAt);
      if (round > 0) closeDelays.push(...delays);
      Object.assign(rounds[rounds.length - 1]!, { closeSeenBy: delays.length, closeSeenP99Ms: delays.length ? round1(percentile(delays, 99)) : null });
      if (round === 0) rounds.pop();
      if (round < ROUNDS) view = await move('NEXT_QUESTION');
    }
    await ws.dispose();
    await Promise.all(studentSockets.map((socket) => socket.dispose()));
    await prisma.$disconnect();

    const summary = {
      students: STUDENTS,
      rounds: ROUNDS,
      windowMs: WINDOW_MS,
      allRecordedOnce: rounds.every((r) => r.storedOnce && r.failed === 0),
      hostCountReachedEveryone: rounds.every((r) => r.hostCountReached === STUDENTS),
      closeSeenByEveryone: rounds.every((r) => r.closeSeenBy === STUDENTS),
      closeSeenP50Ms: closeDelays.length ? round1(percentile(closeDelays, 50)) : null,
      closeSeenP99Ms: closeDelays.length ? round1(percentile(closeDelays, 99)) : null,
      answerP50Ms: round1(percentile(answerLatencies, 50)),
      answerP99Ms: round1(percentile(answerLatencies, 99)),
      answerMaxMs: round1(Math.max(...answerLatencies)),
      baselineP50Ms: round1(percentile(baselineLatencies, 50)),
      baselineP99Ms: round1(percentile(baselineLatencies, 99)),
      p99RatioToBaseline: round1(percentile(answerLatencies, 99) / percentile(baselineLatencies, 99)),
      firstRoundP99Ms: rounds[0]!.p99Ms,
      warmAnswerP50Ms: warmLatencies.length ? round1(percentile(warmLatencies, 50)) : null,
      warmAnswerP99Ms: warmLatencies.length ? round1(percentile(warmLatencies, 99)) : null,
    };
    console.log(`\n${STUDENTS} students answering within ${WINDOW_MS} ms, ${ROUNDS} rounds, on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}`);
    console.table(rounds);
    console.table([summary]);
    recordResults('sessionBurst', { ...summary, perRound: rounds });
    if (!summary.allRecordedOnce || !summary.hostCountReachedEveryone || !summary.closeSeenByEveryone) process.exitCode = 1;
  } finally {
    await server?.stop();
    await db.stop();
  }
}

main().catch((error) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
