// The migrated database must match prisma/schema.prisma exactly; and the
// check must notice when a migration leaves something out.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../lib/db/migrate.ts';
import { MIGRATIONS_DIR, SCHEMA_FILE } from '../../lib/paths.ts';
import { actualSchema, compareSchemas, expectedSchema, type SchemaShape } from '../helpers/schema-drift.ts';
import { createEmptyDatabase } from '../helpers/database.ts';

let expected: SchemaShape;
beforeAll(async () => {
  expected = await expectedSchema(fs.readFileSync(SCHEMA_FILE, 'utf8'));
});

describe('schema drift', () => {
  const databases: { drop(): Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(databases.map((db) => db.drop()));
  });

  it('the migrations produce exactly the tables, columns, types and indexes of schema.prisma', async () => {
    const db = await createEmptyDatabase();
    databases.push(db);
    await migrate(db.url, MIGRATIONS_DIR);
    const actual = await actualSchema(db.url);
    expect(compareSchemas(expected, actual)).toEqual([]);
    // The comparison covers real content, not two empty shapes.
    expect(actual.tables.get('articles')?.columns.size).toBeGreaterThan(5);
  });

  it('reports a column that a migration leaves out', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const [first] = fs.readdirSync(dir).filter((name) => fs.statSync(path.join(dir, name)).isDirectory()).sort();
    const file = path.join(dir, first!, 'migration.sql');
    const sql = fs.readFileSync(file, 'utf8');
    const without = sql.replace(/^\s*"word_count" INTEGER NOT NULL,\n/m, '');
    expect(without).not.toBe(sql);
    fs.writeFileSync(file, without);

    const db = await createEmptyDatabase();
    databases.push(db);
    await migrate(db.url, dir);
    const problems = compareSchemas(expected, await actualSchema(db.url));
    expect(problems).toEqual(['column articles.word_count is missing from the database']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports a type, nullability, default or index that differs', async () => {
    const db = await createEmptyDatabase();
    databases.push(db);
    await migrate(db.url, MIGRATIONS_DIR);
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: db.url });
    await client.connect();
    await client.query('ALTER TABLE articles ALTER COLUMN outlet SET NOT NULL');
    await client.query('ALTER TABLE articles ALTER COLUMN word_count TYPE bigint');
    await client.query('ALTER TABLE articles ALTER COLUMN title_derived DROP DEFAULT');
    await client.query('DROP INDEX articles_source_file_key');
    await client.query('CREATE INDEX articles_title_idx ON articles (title)');
    await client.end();
    const problems = compareSchemas(expected, await actualSchema(db.url));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^column articles\.outlet differs/),
        expect.stringMatching(/^column articles\.word_count differs/),
        expect.stringMatching(/^column articles\.title_derived differs: .*"default":"false".*"default":null/),
        'index articles_source_file_key on articles is missing from the database',
        'index articles_title_idx on articles is in the database but not in schema.prisma',
      ]),
    );
    expect(problems).toHaveLength(5);
  });
});
