// npm run bench — where GraphQL is served. Measures, in one run on one fresh
// embedded PostgreSQL, the same GraphQL read ({ articles { id title outlet } })
// against (1) our production server (server/main.ts: Next.js pages and
// Apollo Server on one custom Node server) and (2) the ceiling, Apollo Server's
// standalone server with the same schema and database and nothing else.
// Prints a table and writes bench/results.json; figures are ratios because
// absolute numbers depend on the machine.
import os from 'node:os';
import autocannon from 'autocannon';
import { findFreePort } from '../lib/db/embedded-postgres.ts';
import { startBenchDatabase } from './bench-database.ts';
import { recordResults } from './results.ts';
import { startServerProcess, stopServerProcess } from './server-process.ts';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_S = 2;
const CONNECTIONS = [32, 128];
const QUERY = JSON.stringify({ query: '{ articles { id title outlet } }' });

interface Target {
  name: string;
  script: string[];
  path: string;
  readyLine: RegExp;
}

const TARGETS: Target[] = [
  { name: 'Apollo standalone (ceiling)', script: ['bench/targets/apollo-standalone.ts'], path: '/', readyLine: /^ready /m },
  { name: 'our server (server/main.ts)', script: ['server/main.ts'], path: '/api/graphql', readyLine: /Press Ctrl-C to stop/ },
];

const startTarget = (target: Target, env: Record<string, string>) => startServerProcess(target.script[0]!, target.readyLine, env, target.name);
const stopTarget = stopServerProcess;

function load(url: string, connections: number, duration: number, label: string): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const options = { url, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: QUERY, connections, duration };
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    if (label) {
      autocannon.track(instance, { renderResultsTable: false, renderLatencyTable: false, progressBarString: `${label} [:bar] :percent` });
    }
  });
}

async function main() {
  const db = await startBenchDatabase();
  const rows: Record<string, unknown>[] = [];
  try {
    const databaseUrl = db.url;
    await db.prisma.$disconnect();
    for (const target of TARGETS) {
      const port = await findFreePort();
      const child = await startTarget(target, { DATABASE_URL: databaseUrl, PORT: String(port) });
      try {
        const url = `http://127.0.0.1:${port}${target.path}`;
        await load(url, 32, WARMUP_S, '');
        for (const connections of CONNECTIONS) {
          const result = await load(url, connections, DURATION_S, `${target.name} @${connections}`);
          rows.push({
            target: target.name,
            connections,
            requestsPerSecond: Math.round(result.requests.average),
            p50Ms: result.latency.p50,
            p99Ms: result.latency.p99,
            errors: result.errors + result.non2xx,
          });
        }
      } finally {
        await stopTarget(child);
      }
    }
  } finally {
    await db.stop();
  }

  const ceiling = (connections: number) =>
    rows.find((r) => r.target === TARGETS[0]!.name && r.connections === connections)!.requestsPerSecond as number;
  const table = rows.map((r) => ({ ...r, ratioToCeiling: Number(((r.requestsPerSecond as number) / ceiling(r.connections as number)).toFixed(2)) }));
  console.log(`\nGraphQL read { articles { id title outlet } }, ${DURATION_S} s per row, on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}`);
  console.table(table);
  recordResults('graphqlServing', { durationSeconds: DURATION_S, rows: table });
}

main().catch((error) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
