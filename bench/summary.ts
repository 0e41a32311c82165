// npm run bench, last step: one table of the headline figures of every
// benchmark (from bench/results.json, written by the steps before), each
// beside the target it is held to and whether this run met it. Exits non-zero
// when a figure is missing, so a broken step cannot pass unnoticed.
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/paths.ts';

type Results = Record<string, any>;
const results: Results = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'bench', 'results.json'), 'utf8'));

interface Line {
  figure: string;
  value: string;
  target: string;
  met: string;
}

const lines: Line[] = [];
let missing = 0;
function line(figure: string, value: number | undefined, unit: string, target?: { max?: number; min?: number }) {
  if (value === undefined || Number.isNaN(value)) {
    missing += 1;
    lines.push({ figure, value: 'missing', target: '', met: 'no' });
    return;
  }
  const ok = (target?.max === undefined || value <= target.max) && (target?.min === undefined || value >= target.min);
  const text = target ? (target.max !== undefined ? `≤ ${target.max} ${unit}` : `≥ ${target.min} ${unit}`) : '';
  lines.push({ figure, value: `${value} ${unit}`.trim(), target: text, met: target ? (ok ? 'yes' : 'no') : '' });
}

const engine = results.questionEngine;
line('question engine: ms per 1,000 words (analysis and questions)', engine?.rows?.at(-1)?.msPer1000Words, 'ms', { max: 50 });
line(`question engine: longest article (${engine?.longestArticle?.words} words)`, engine?.longestArticle?.ms, 'ms');

const boards = results.leaderboards?.rows as { query: string; p99Ms: number }[] | undefined;
const slowest = boards?.filter((row) => !row.query.startsWith('floor')).sort((a, b) => b.p99Ms - a.p99Ms)[0];
line(`leaderboards at 1M scores: slowest p99 (${slowest?.query ?? '?'})`, slowest?.p99Ms, 'ms', { max: 20 });

const answers = results.answerPath;
const answerRow = (target: string, connections: number) => answers?.rows?.find((row: any) => row.target === target && row.connections === connections);
const ratio = (connections: number) => answers?.ratios?.find((row: any) => row.connections === connections);
line('answer path @32: our req/s ÷ bare Apollo (b)', ratio(32)?.oursToApollo, '', { min: 0.9 });
line('answer path @32: our req/s ÷ database (a)', ratio(32)?.oursToDatabase, '');
line('answer path @32: p99', answerRow('our server', 32)?.p99Ms, 'ms', { max: 60 });
line('answer path @128: p99', answerRow('our server', 128)?.p99Ms, 'ms', { max: 250 });
line('answer path @128: errors', answerRow('our server', 128)?.errors, '', { max: 0 });

const burst = results.sessionBurst;
line('classroom burst: answers lost', burst ? (burst.allRecordedOnce ? 0 : 1) : undefined, '', { max: 0 });
line('classroom burst: answer p99', burst?.answerP99Ms, 'ms', { max: 250 });
line('classroom burst: close seen by every student, p99', burst?.closeSeenP99Ms, 'ms', { max: 500 });

const serving = results.graphqlServing?.rows?.find((row: any) => row.target.startsWith('our server') && row.connections === 32);
line('GraphQL read @32: ours ÷ Apollo standalone', serving?.ratioToCeiling, '');

for (const row of (results.pages?.rows ?? []) as any[]) {
  if (row.page.startsWith('floor')) continue;
  line(`page ${row.path}: time to first byte, median`, row.ttfbMedianMs, 'ms');
  line(`page ${row.path}: time to interactive, median (× the 404 page's)`, row.interactiveMedianMs, `ms (× ${row.interactiveRatioToFloor})`);
}
if (!results.pages) line('pages', undefined, '');

console.log(`\nnpm run bench: ${results.machine?.cpus} × ${results.machine?.model}, Node ${results.machine?.node}`);
console.table(lines);
if (missing) {
  console.error(`${missing} figure(s) missing from bench/results.json`);
  process.exitCode = 1;
}
