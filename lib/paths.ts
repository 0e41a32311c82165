// Absolute paths of the project's folders, independent of the working directory.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'prisma', 'migrations');
export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'prisma', 'schema.prisma');
export const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');
export const DATA_DIR = path.join(PROJECT_ROOT, '.data');
