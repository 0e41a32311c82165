// Loads every article file in seeds/ (*.txt, *.md) into the database,
// idempotently: unchanged files change nothing, edited files update their
// article. A bad file is reported by name and skipped; the others still load.
import fs from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '../lib/db/prisma.ts';
import { saveArticleFile, type SaveOutcome } from '../lib/articles/save-article-file.ts';

export const ARTICLE_FILE = /\.(txt|md)$/i;

export interface SeedReport {
  created: string[];
  updated: string[];
  unchanged: string[];
  failed: { file: string; error: string }[];
}

export async function loadSeeds(prisma: PrismaClient, dir: string): Promise<SeedReport> {
  const report: SeedReport = { created: [], updated: [], unchanged: [], failed: [] };
  const files = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && ARTICLE_FILE.test(entry.name) && entry.name.toLowerCase() !== 'readme.md')
    .map((entry) => entry.name)
    .sort();
  for (const name of files) {
    try {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const { outcome } = await saveArticleFile(prisma, { sourceFile: name, text });
      report[outcome satisfies SaveOutcome].push(name);
    } catch (error) {
      report.failed.push({ file: name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}
