// bench/results.json: the latest figures of every benchmark, with the machine they ran on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/paths.ts';

const FILE = path.join(PROJECT_ROOT, 'bench', 'results.json');

export function recordResults(name: string, figures: unknown): void {
  const previous = fs.existsSync(FILE) ? JSON.parse(fs.readFileSync(FILE, 'utf8')) : {};
  const results = {
    ...previous,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model.trim(), node: process.version },
    [name]: { date: new Date().toISOString(), ...(figures as object) },
  };
  delete results.rows;
  delete results.date;
  delete results.durationSeconds;
  fs.writeFileSync(FILE, `${JSON.stringify(results, null, 2)}\n`);
}
