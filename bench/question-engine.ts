// The question engine's speed: articles per second and milliseconds per
// 1,000 words over a corpus of our test articles, beside the floor in the
// same run — wink-nlp reading the same text (tokens, sentences, entities),
// which every analysis has to do.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyseArticle } from '../lib/analysis/analyse-article.ts';
import { tokenize } from '../lib/analysis/tokenize.ts';
import { buildQuestions } from '../lib/questions/build-questions.ts';
import { PROJECT_ROOT } from '../lib/paths.ts';
import { recordResults } from './results.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

function corpus(): { key: string; text: string; words: number }[] {
  const dirs = ['tests/fixtures/articles', 'tests/fixtures/holdout', 'tests/fixtures/holdout2', 'seeds'].map((d) => path.join(PROJECT_ROOT, d));
  const texts = dirs.flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')));
  // Also articles of about 1,000 words, as long news pieces run.
  const long: string[] = [];
  for (let i = 0; i + 2 < texts.length; i += 3) long.push(texts.slice(i, i + 3).join('\n'));
  return [...texts, ...long].map((text, i) => ({ key: `a${i}`, text, words: text.split(/\s+/).filter(Boolean).length }));
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const articles = corpus();
const totalWords = articles.reduce((sum, a) => sum + a.words, 0);
// Warm up both paths (model load, JIT).
for (const a of articles) {
  tokenize(a.text);
  analyseArticle(a.text);
}

let floor = 0;
let analysis = 0;
let questions = 0;
for (let round = 0; round < ROUNDS; round += 1) {
  floor += time(() => articles.forEach((a) => tokenize(a.text)));
  analysis += time(() => articles.forEach((a) => analyseArticle(a.text)));
  questions += time(() => buildQuestions(articles.map((a) => ({ key: a.key, title: a.key, outlet: null, text: a.text }))));
}
const perThousand = (ms: number) => Number(((ms / ROUNDS / totalWords) * 1000).toFixed(2));
const perSecond = (ms: number) => Math.round((articles.length * ROUNDS * 1000) / ms);
const longest = articles.reduce((a, b) => (b.words > a.words ? b : a));
const longMs = Number((time(() => { for (let i = 0; i < ROUNDS; i += 1) buildQuestions([{ key: 'x', title: 'x', outlet: null, text: longest.text }]); }) / ROUNDS).toFixed(2));

const rows = [
  { step: 'wink-nlp reading (floor)', articlesPerSecond: perSecond(floor), msPer1000Words: perThousand(floor), ratioToFloor: 1 },
  { step: 'analysis (quotes, speakers, claims…)', articlesPerSecond: perSecond(analysis), msPer1000Words: perThousand(analysis), ratioToFloor: Number((analysis / floor).toFixed(2)) },
  { step: 'analysis + all questions', articlesPerSecond: perSecond(questions), msPer1000Words: perThousand(questions), ratioToFloor: Number((questions / floor).toFixed(2)) },
];
console.log(`\nQuestion engine: ${articles.length} articles, ${totalWords} words, ${ROUNDS} rounds, on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}`);
console.table(rows);
console.log(`Longest article (${longest.words} words), analysis and questions: ${longMs} ms`);
recordResults('questionEngine', { articles: articles.length, words: totalWords, rounds: ROUNDS, rows, longestArticle: { words: longest.words, ms: longMs } });
