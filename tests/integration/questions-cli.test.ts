// The command-line contract: `npm run --silent questions -- --json FILE...`
// prints one JSON document and nothing else; offsets are into each file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../lib/paths.ts';

const SEED_A = 'seeds/000_62965dcfa5acf37f.txt';
const SEED_B = 'seeds/003_830d5d39b862635b.txt';

function run(...args: string[]) {
  const result = spawnSync('npm', ['run', '--silent', 'questions', '--', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.split('\n').filter((l) => l && !/npm warn/.test(l)).join('\n') };
}

describe('npm run --silent questions -- --json', () => {
  it('prints one JSON document with quotes and questions; offsets point into each file', () => {
    const { status, stdout } = run('--json', SEED_A, SEED_B);
    expect(status).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.articles.map((a: { file: string }) => a.file)).toEqual([SEED_A, SEED_B]);
    for (const article of doc.articles) {
      const text = fs.readFileSync(path.join(PROJECT_ROOT, article.file), 'utf8');
      expect(article.title.length).toBeGreaterThan(10);
      for (const quote of article.quotes) {
        expect(Object.keys(quote)).toEqual(expect.arrayContaining(['text', 'speaker', 'kind', 'start', 'end']));
        expect(text.slice(quote.start, quote.end)).toBe(quote.text);
        expect(['direct', 'partial', 'scare']).toContain(quote.kind);
      }
      for (const question of article.questions) {
        expect(question.choices).toContain(question.answer);
        expect(text.slice(question.evidence.start, question.evidence.end)).toBe(question.evidence.sentence);
        if (question.type === 'WHO_SAID' || question.type === 'WHO_CALLED') expect(typeof question.quote).toBe('string');
      }
    }
    const trump = doc.articles[0].questions.find((q: { type: string; quote?: string }) => q.type === 'WHO_SAID' && q.quote?.includes('possible we could get involved'));
    expect(trump.answer).toBe('Donald Trump');
  });

  it('counts offsets from the start of the file, front matter included', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
    const file = path.join(dir, 'story.txt');
    fs.writeFileSync(file, '---\ntitle: Bridge row\noutlet: The Valley Gazette\n---\nMayor Ana Ruiz spoke on Monday. “The bridge opens in May,” Ruiz said.\n');
    const { status, stdout } = run('--json', file);
    expect(status).toBe(0);
    const [article] = JSON.parse(stdout).articles;
    const text = fs.readFileSync(file, 'utf8');
    expect(article.title).toBe('Bridge row');
    expect(article.quotes[0]).toMatchObject({ text: 'The bridge opens in May,', speaker: 'Ana Ruiz', kind: 'direct' });
    expect(text.slice(article.quotes[0].start, article.quotes[0].end)).toBe('The bridge opens in May,');
  });

  it('prints a readable preview without --json', () => {
    const { status, stdout } = run(SEED_B);
    expect(status).toBe(0);
    expect(stdout).toContain('Who dismissed reports of the plan and Trump’s rejection, calling them “fake”?');
    expect(stdout).toMatch(/✓ Benjamin Netanyahu/);
  });

  it('a missing file: one error line on stderr, nothing on stdout, non-zero exit', () => {
    const { status, stdout, stderr } = run('--json', SEED_A, 'seeds/no-such-article.txt');
    expect(status).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe('error: seeds/no-such-article.txt: no such file');
  });

  it('a directory or an unreadable file is refused the same way', () => {
    expect(run('--json', 'seeds').stderr).toBe('error: seeds is a directory, not an article file');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
    const file = path.join(dir, 'bad.txt');
    fs.writeFileSync(file, '---\nauthor: someone\n---\nText.');
    const bad = run('--json', file);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toBe(`error: ${file}: front matter: unknown key "author" (allowed: title, outlet, url, published)`);
  });
});
