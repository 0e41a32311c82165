// npm run bench — where GraphQL is served. Measures, in one run on one fresh
// embedded PostgreSQL, the same GraphQL read ({ articles { id title outlet } })
// against (1) our production server (server/main.ts: Next.js pages and
// Apollo Server on one custom Node server) and (2) the ceiling, Apollo Server's
// standalone server with the same schema and database and nothing else.
// Prints a table and writes bench/results.json; figures are ratios because
// absolute numbers depend on the machine.
import os from 'node:os';
import { startBenchDatabase } from './bench-database.ts';
import { recordResults } from './results.ts';
import { APOLLO_STANDALONE, OUR_SERVER, startServerProcess } from './server-process.ts';
import { runAutocannon } from './load.ts';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_S = 2;
const CONNECTIONS = [32, 128];
const QUERY = JSON.stringify({ query: '{ articles { id title outlet } }' });

const TARGETS = [
  { ...APOLLO_STANDALONE, name: 'Apollo standalone (ceiling)' },
  { ...OUR_SERVER, name: 'our server (server/main.ts)' },
];

const load = (url: string, connections: number, duration: number, label?: string) =>
  runAutocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body: QUERY, connections, duration }, label);

async function main() {
  const db = await startBenchDatabase();
  const rows: Record<string, unknown>[] = [];
  try {
    const databaseUrl = db.url;
    await db.prisma.$disconnect();
    for (const target of TARGETS) {
      const server = await startServerProcess(target, { DATABASE_URL: databaseUrl });
      try {
        await load(server.url, 32, WARMUP_S);
        for (const connections of CONNECTIONS) {
          const result = await load(server.url, connections, DURATION_S, `${target.name} @${connections}`);
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
        await server.stop();
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
