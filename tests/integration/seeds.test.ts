// db:seed loads every article file in seeds/ idempotently; an edited file
// updates its article; a bad file is reported and the others still load.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeeds } from '../../seeds/load-seeds.ts';
import { SEEDS_DIR } from '../../lib/paths.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

function seedDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seeds-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('loadSeeds', () => {
  it('loads the project seeds once, and a second run changes nothing', async () => {
    const files = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
    expect(files.length).toBeGreaterThanOrEqual(2);
    const first = await loadSeeds(db.prisma, SEEDS_DIR);
    expect(first.created).toEqual(files);
    expect(first.failed).toEqual([]);
    const before = await db.prisma.article.findMany({ orderBy: { sourceFile: 'asc' } });

    const second = await loadSeeds(db.prisma, SEEDS_DIR);
    expect(second).toEqual({ created: [], updated: [], unchanged: files, failed: [] });
    const after = await db.prisma.article.findMany({ orderBy: { sourceFile: 'asc' } });
    expect(after).toEqual(before);

    // The text is stored exactly as the file has it.
    const text = fs.readFileSync(path.join(SEEDS_DIR, files[0]!), 'utf8');
    expect(after.find((a) => a.sourceFile === files[0])?.body).toBe(text);
  });

  it('updates an edited file in place, keeping its id', async () => {
    const dir = seedDir({ 'story.txt': 'The mayor said the bridge would open in May.\nIt did not.' });
    const [created] = (await loadSeeds(db.prisma, dir)).created;
    const original = await db.prisma.article.findUniqueOrThrow({ where: { sourceFile: created! } });

    fs.writeFileSync(
      path.join(dir, 'story.txt'),
      '---\ntitle: Bridge opening slips\noutlet: The Valley Gazette\npublished: 2026-05-02\n---\nThe mayor said the bridge would open in June.\n',
    );
    const report = await loadSeeds(db.prisma, dir);
    expect(report.updated).toEqual(['story.txt']);
    const edited = await db.prisma.article.findUniqueOrThrow({ where: { sourceFile: 'story.txt' } });
    expect(edited.id).toBe(original.id);
    expect(edited).toMatchObject({
      title: 'Bridge opening slips',
      titleDerived: false,
      outlet: 'The Valley Gazette',
      body: 'The mayor said the bridge would open in June.\n',
    });
    expect(edited.publishedAt?.toISOString()).toBe('2026-05-02T00:00:00.000Z');
    expect(edited.contentHash).not.toBe(original.contentHash);
    expect(await db.prisma.article.count({ where: { sourceFile: 'story.txt' } })).toBe(1);
  });

  it('reports a bad file by name and still loads the good ones', async () => {
    const dir = seedDir({
      'a-good.txt': 'Officials said on Tuesday that the dam was safe.',
      'b-bad.txt': '---\ntitel: Typo in the key\n---\nBody text.',
      'c-empty.md': '   \n',
      'notes.json': '{"ignored": true}',
    });
    const report = await loadSeeds(db.prisma, dir);
    expect(report.created).toEqual(['a-good.txt']);
    expect(report.failed).toEqual([
      { file: 'b-bad.txt', error: 'front matter: unknown key "titel" (allowed: title, outlet, url, published)' },
      { file: 'c-empty.md', error: 'the article has no text' },
    ]);
  });
});
