// `npm start` with bad configuration exits with one clear line, not a stack
// trace — and never gets as far as building or serving anything.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../lib/paths.ts';

function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectOneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  return lines[0]!;
}

describe('start-up errors', () => {
  it('a DATABASE_URL that is not a PostgreSQL URL', () => {
    const { status, stdout, stderr } = start({ DATABASE_URL: 'mysql://root@localhost/db' });
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(expectOneLine(stderr)).toBe(
      'error: Invalid configuration: DATABASE_URL must be a URL of the form postgresql://user:password@host:5432/database (got "mysql://root@localhost/db")',
    );
  });

  it('a DATABASE_URL whose server does not answer, without printing the password', () => {
    const { status, stderr } = start({ DATABASE_URL: 'postgresql://quiz:s3cret@127.0.0.1:1/quiz' });
    expect(status).toBe(1);
    const line = expectOneLine(stderr);
    expect(line).toMatch(/^error: cannot connect to the database at 127\.0\.0\.1:1\/quiz: .*ECONNREFUSED/);
    expect(line).not.toContain('s3cret');
  });

  it('a hosted-style URL with sslmode=require: still one line, no driver warnings', () => {
    const { status, stderr } = start({ DATABASE_URL: 'postgresql://quiz:pw@127.0.0.1:1/quiz?sslmode=require' });
    expect(status).toBe(1);
    expect(expectOneLine(stderr)).toMatch(/^error: cannot connect to the database at 127\.0\.0\.1:1\/quiz: /);
  });

  it('a bad PORT and LOG_LEVEL, both named in the same line', () => {
    const { status, stderr } = start({ PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(status).toBe(1);
    const line = expectOneLine(stderr);
    expect(line).toContain('PORT must be a whole number (got "eighty")');
    expect(line).toContain('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")');
  });
});
