// npm run bench — the answer path: `submitAnswer` through the production
// server (server/main.ts) at 32 and 128 concurrent players, beside two
// ceilings measured in the same run on the same fresh database:
//   (a) the database: the same write (insert the answer, unique on game and
//       question; add to the game's score) sent with `pg` directly;
//   (b) GraphQL: a bare Apollo Server on Apollo's standalone Node HTTP server
//       with the same schema, resolvers and database (bench/targets).
// Every request answers a different game whose question has been served
// (prepared in bulk beforehand), from its own client address (behind one
// trusted proxy, as players are), so nothing is refused or repeated.
import os from 'node:os';
import pg from 'pg';
import autocannon from 'autocannon';
import { startBenchDatabase } from './bench-database.ts';
import { recordResults } from './results.ts';
import { percentile, round1 } from './stats.ts';
import { APOLLO_STANDALONE, OUR_SERVER, startServerProcess } from './server-process.ts';
import { runAutocannon } from './load.ts';
import { printStatements, resetStatements } from './statements.ts';
import { measureCpu, type CpuSplit } from './cpu.ts';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_S = 3;
const CONNECTIONS = [32, 128];
const DATABASE = 'database (pg)';
/** Prepared games per target: more than the fastest target can answer in all its rows. */
const GAMES_PER_TARGET = Number(process.env.BENCH_GAMES ?? 200_000);

interface Row {
  target: string;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** CPU milliseconds per answer: server process, PostgreSQL, load generator. */
  cpu: CpuSplit;
}

const SUBMIT = `mutation Answer($gameId: ID!, $questionId: ID!, $choiceId: ID!, $playerToken: String!) {
  submitAnswer(gameId: $gameId, questionId: $questionId, choiceId: $choiceId, playerToken: $playerToken) { correct points score streak }
}`;

/** Games `bg<n>` of players `bp<n>` with token `bench-token-<n>`, each on its first question, served now. */
async function prepareGames(client: pg.Client, quizId: string, questionIds: string[], from: number, count: number): Promise<void> {
  await client.query(
    `INSERT INTO players (id, nickname, token_hash)
       SELECT 'bp' || i, 'Bench ' || i, encode(sha256(convert_to('bench-token-' || i, 'UTF8')), 'hex') FROM generate_series($1::int, $2::int) AS i`,
    [from, from + count - 1],
  );
  await client.query(
    `INSERT INTO games (id, quiz_id, player_id, mode, status, question_ids, time_limit_seconds, current_index, served_at)
       SELECT 'bg' || i, $3, 'bp' || i, 'ACCURACY', 'ACTIVE', $4::text[], 3600, 0, now() FROM generate_series($1::int, $2::int) AS i`,
    [from, from + count - 1, quizId, questionIds],
  );
}

/** autocannon against a GraphQL endpoint; each request answers the next prepared game from its own address. */
async function loadGraphQL(url: string, connections: number, duration: number, nextGame: () => number, questionId: string, label?: string): Promise<autocannon.Result & { graphQLErrors: number; firstError?: string }> {
  let graphQLErrors = 0;
  let firstError: string | undefined;
  const result = await runAutocannon(
    {
      url,
      connections,
      duration,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            const n = nextGame();
            return {
              ...request,
              headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
              body: JSON.stringify({ query: SUBMIT, variables: { gameId: `bg${n}`, questionId, choiceId: `${questionId}:0`, playerToken: `bench-token-${n}` } }),
            };
          },
          // A GraphQL error is an HTTP 200 too: count them from the bodies.
          onResponse: (_status, body) => {
            if (body.includes('"errors"')) {
              graphQLErrors += 1;
              firstError ??= body.slice(0, 300);
            }
          },
        },
      ],
    },
    label,
  );
  return { ...result, graphQLErrors, firstError };
}

/** (a) The database ceiling: the same write, one statement per answer, from `connections` clients in this process. */
async function loadDatabase(databaseUrl: string, connections: number, duration: number, nextGame: () => number, questionId: string): Promise<Omit<Row, 'target' | 'connections'>> {
  const cpu = measureCpu(undefined);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  pool.on('error', () => {});
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + duration * 1000;
  const write = `WITH answer AS (
      INSERT INTO answers (id, game_id, question_id, choice_index, correct, points, response_ms) VALUES ($1, $2, $3, 0, true, 1000, 1200)
    )
    UPDATE games SET score = score + 1000, correct_count = correct_count + 1, current_index = current_index + 1, served_at = NULL WHERE id = $2`;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const n = nextGame();
        const started = performance.now();
        try {
          await pool.query({ name: 'bench-answer', text: write, values: [`ba${n}`, `bg${n}`, questionId] });
          latencies.push(performance.now() - started);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const used = cpu(latencies.length); // before the pool's backends exit
  await pool.end();
  return { requestsPerSecond: Math.round(latencies.length / duration), p50Ms: round1(percentile(latencies, 50)), p99Ms: round1(percentile(latencies, 99)), errors, cpu: used };
}

async function main() {
  const db = await startBenchDatabase();
  const rows: Row[] = [];
  try {
    const { url: databaseUrl, prisma } = db;
    const quiz = await prisma.quiz.findFirstOrThrow({ where: { kind: 'ARTICLE' }, include: { questions: { orderBy: { position: 'asc' } } } });
    const questionIds = quiz.questions.map((q) => q.questionId);
    await prisma.$disconnect();
    const questionId = questionIds[0]!;

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const targets = [DATABASE, APOLLO_STANDALONE.name, OUR_SERVER.name];
    process.stdout.write(`preparing ${(GAMES_PER_TARGET * targets.length).toLocaleString('en-US')} games with a served question…\n`);
    for (const [index] of targets.entries()) await prepareGames(client, quiz.id, questionIds, index * GAMES_PER_TARGET + 1, GAMES_PER_TARGET);
    await client.query('VACUUM ANALYZE players, games');
    await client.end();
    const games = (index: number) => {
      let next = index * GAMES_PER_TARGET;
      const last = (index + 1) * GAMES_PER_TARGET;
      return () => {
        next += 1;
        if (next > last) throw new Error('ran out of prepared games; raise BENCH_GAMES');
        return next;
      };
    };

    // (a) the database alone
    const nextForDatabase = games(0);
    await loadDatabase(databaseUrl, 32, 1, nextForDatabase, questionId);
    for (const connections of CONNECTIONS) {
      process.stdout.write(`database (pg) @${connections}…\n`);
      rows.push({ target: DATABASE, connections, ...(await loadDatabase(databaseUrl, connections, DURATION_S, nextForDatabase, questionId)) });
    }

    // (b) Apollo standalone, then ours: the same GraphQL request.
    const servers = [
      { target: APOLLO_STANDALONE, next: games(1) },
      { target: OUR_SERVER, next: games(2) },
    ];
    for (const { target, next } of servers) {
      const server = await startServerProcess(target, { DATABASE_URL: databaseUrl, TRUST_PROXY_HOPS: '1' });
      try {
        await loadGraphQL(server.url, 32, WARMUP_S, next, questionId);
        for (const connections of CONNECTIONS) {
          await resetStatements(databaseUrl);
          const cpu = measureCpu(server.pid);
          const result = await loadGraphQL(server.url, connections, DURATION_S, next, questionId, `${target.name} @${connections}`);
          await printStatements(databaseUrl, `${target.name} @${connections}`);
          if (result.firstError) process.stdout.write(`first error: ${result.firstError}\n`);
          rows.push({ target: target.name, connections, requestsPerSecond: Math.round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99, errors: result.errors + result.non2xx + result.graphQLErrors, cpu: cpu(result.requests.total) });
        }
      } finally {
        await server.stop();
      }
    }
  } finally {
    await db.stop();
  }

  const of = (target: string, connections: number) => rows.find((r) => r.target === target && r.connections === connections)!;
  const ours = CONNECTIONS.map((connections) => ({
    connections,
    oursToDatabase: Number((of(OUR_SERVER.name, connections).requestsPerSecond / of(DATABASE, connections).requestsPerSecond).toFixed(2)),
    oursToApollo: Number((of(OUR_SERVER.name, connections).requestsPerSecond / of(APOLLO_STANDALONE.name, connections).requestsPerSecond).toFixed(2)),
  }));
  console.log(`\nsubmitAnswer, ${DURATION_S} s per row, on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}`);
  console.table(rows.map(({ cpu, ...row }) => ({ ...row, 'server CPU ms': cpu.serverMs, 'database CPU ms': cpu.databaseMs, 'load CPU ms': cpu.loadMs })));
  console.table(ours);
  recordResults('answerPath', { durationSeconds: DURATION_S, rows, ratios: ours });
}

main().catch((error) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
