// npm run --silent questions -- [--json] FILE...
// Previews the quotations and questions the engine builds from article files,
// without a database. With --json, prints one JSON document to stdout and
// nothing else (the contract teachers' tools and acceptance checks use);
// offsets are into each file's text, in UTF-16 code units (JavaScript string
// offsets). A bad path or unreadable file prints one
// error line and exits non-zero.
import fs from 'node:fs';
import { parseArticleFile } from '../lib/articles/parse-article-file.ts';
import { buildQuestions } from '../lib/questions/build-questions.ts';
import type { Question } from '../lib/questions/question.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const files = args.filter((a) => a !== '--json' && a !== '--');

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
}

if (!files.length) fail('usage: npm run --silent questions -- [--json] FILE...');
const unknown = files.find((f) => f.startsWith('--'));
if (unknown) fail(`unknown option ${unknown} (only --json is known)`);

const inputs = files.map((file) => {
  let text: string;
  try {
    if (fs.statSync(file).isDirectory()) fail(`${file} is a directory, not an article file`);
    const bytes = fs.readFileSync(file);
    // NUL bytes or invalid UTF-8: not an article file.
    if (bytes.includes(0) || bytes.toString('utf8').includes('\uFFFD')) fail(`${file}: not a UTF-8 text file`);
    text = bytes.toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === 'ENOENT' ? `${file}: no such file` : code === 'EACCES' ? `${file}: permission denied` : `${file}: ${(error as Error).message}`);
  }
  try {
    return { file, parsed: parseArticleFile(text) };
  } catch (error) {
    fail(`${file}: ${(error as Error).message}`);
  }
});

let built: ReturnType<typeof buildQuestions>;
try {
  built = buildQuestions(inputs.map(({ file, parsed }) => ({ key: file, title: parsed.title, outlet: parsed.outlet, text: parsed.body })));
} catch (error) {
  fail(`the question engine failed: ${(error as Error).message}`);
}
const storyQuestions = built.stories.flatMap((s) => s.questions);

const output = {
  articles: built.articles.map(({ article, questions }) => {
    const offset = inputs.find((i) => i.file === article.key)!.parsed.bodyOffset;
    const all = [...questions, ...storyQuestions.filter((q) => q.evidence.article === article.key)];
    return {
      file: article.key,
      title: article.title,
      outlet: article.outlet,
      quotes: article.analysis.quotes.map((q) => ({
        text: q.text,
        speaker: q.speaker?.name ?? null,
        kind: q.kind,
        start: q.start + offset,
        end: q.end + offset,
        cue: q.cue,
      })),
      questions: all.map((q: Question) => ({
        type: q.type,
        prompt: q.prompt,
        choices: q.choices,
        answer: q.answer,
        ...(q.quote !== null ? { quote: q.quote } : {}),
        explanation: q.explanation,
        evidence: { sentence: q.evidence.sentence, start: q.evidence.start + offset, end: q.evidence.end + offset },
      })),
    };
  }),
};

if (json) {
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
} else {
  for (const article of output.articles) {
    console.log(`\n${article.title}\n${'='.repeat(Math.min(article.title.length, 80))}\n${article.file}${article.outlet ? ` · ${article.outlet}` : ''}`);
    console.log(`\nQuotations (${article.quotes.length}):`);
    for (const q of article.quotes) console.log(`  [${q.kind}] ${q.speaker ?? '(speaker unclear)'}: “${q.text.length > 90 ? `${q.text.slice(0, 87)}…` : q.text}”`);
    console.log(`\nQuestions (${article.questions.length}):`);
    article.questions.forEach((q, i) => {
      console.log(`\n  ${i + 1}. [${q.type}] ${q.prompt}`);
      for (const choice of q.choices) console.log(`     ${choice === q.answer ? '✓' : ' '} ${choice}`);
      console.log(`     Why: ${q.explanation}`);
      console.log(`     Evidence: “${q.evidence.sentence}”`);
    });
  }
}
