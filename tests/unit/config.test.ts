import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redactUrl } from '../../lib/config/env.ts';
import { DATA_DIR, PROJECT_ROOT } from '../../lib/paths.ts';

describe('loadConfig', () => {
  it('has working defaults: port 3000 on all interfaces, embedded database, info logs', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      logLevel: 'info',
      nodeEnv: 'production',
      embeddedPostgresDir: path.join(DATA_DIR, 'postgres'),
      trustProxyHops: 0,
      adminToken: undefined,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgresql://quiz:pw@db.internal:5432/quiz?sslmode=require',
      LOG_LEVEL: 'debug',
      NODE_ENV: 'development',
      EMBEDDED_POSTGRES_DIR: 'var/pg',
      TRUST_PROXY_HOPS: '1',
      ADMIN_TOKEN: 'a-long-enough-admin-token-for-tests',
    });
    expect(config).toMatchObject({
      trustProxyHops: 1,
      adminToken: 'a-long-enough-admin-token-for-tests',
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: 'postgresql://quiz:pw@db.internal:5432/quiz?sslmode=require&uselibpqcompat=true',
      logLevel: 'debug',
      embeddedPostgresDir: path.join(PROJECT_ROOT, 'var/pg'),
    });
  });

  it('treats an empty DATABASE_URL as unset and accepts the postgres:// scheme', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/d' }).databaseUrl).toBe('postgres://u@h/d');
  });

  it.each([
    [{ PORT: '0' }, 'PORT must be between 1 and 65535 (got "0")'],
    [{ PORT: '70000' }, 'PORT must be between 1 and 65535 (got "70000")'],
    [{ PORT: '80.5' }, 'PORT must be a whole number (got "80.5")'],
    [{ DATABASE_URL: 'localhost:5432/quiz' }, 'DATABASE_URL must be a URL of the form postgresql://'],
    [{ DATABASE_URL: 'https://example.com/db' }, 'DATABASE_URL must be a URL of the form postgresql://'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "verbose")'],
    [{ TRUST_PROXY_HOPS: '-1' }, 'TRUST_PROXY_HOPS must be between 0 and 10 (got "-1")'],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('refuses a short ADMIN_TOKEN without printing it', () => {
    expect(() => loadConfig({ ADMIN_TOKEN: 'short-secret' })).toThrow('ADMIN_TOKEN must be at least 24 characters');
    expect(() => loadConfig({ ADMIN_TOKEN: 'short-secret' })).not.toThrow(/short-secret/);
  });

  it('never prints a database password in an error', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://admin:hunter2@db/x' })).toThrow(/admin:\*\*\*\*@db/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://admin:hunter2@db/x' })).not.toThrow(/hunter2/);
  });
});

describe('redactUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(redactUrl('postgresql://quiz:secret@db:5432/quiz')).toBe('postgresql://quiz:****@db:5432/quiz');
    expect(redactUrl('postgresql://db:5432/quiz')).toBe('postgresql://db:5432/quiz');
  });

  it('hides all of a password containing @ in a URL that does not parse', () => {
    const redacted = redactUrl('postgresql://a:p@ss@h:99999/db');
    expect(redacted).toBe('postgresql://a:****@h:99999/db');
    expect(redacted).not.toContain('ss');
  });
});

describe('sslmode', () => {
  it('keeps libpq’s meaning of sslmode (and so node-postgres prints no warning)', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u:p@h/d?sslmode=require' }).databaseUrl).toBe(
      'postgresql://u:p@h/d?sslmode=require&uselibpqcompat=true',
    );
    expect(loadConfig({ DATABASE_URL: 'postgresql://u:p@h/d' }).databaseUrl).toBe('postgresql://u:p@h/d');
    expect(loadConfig({ DATABASE_URL: 'postgresql://u:p@h/d?sslmode=verify-full&uselibpqcompat=false' }).databaseUrl).toBe(
      'postgresql://u:p@h/d?sslmode=verify-full&uselibpqcompat=false',
    );
  });
});
