// Configuration, read from the environment and validated once at start-up.
// Every entry point (server, db:* scripts) calls loadConfig(); a bad value
// stops the process with one line that names the variable and the problem.
import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR, PROJECT_ROOT } from '../paths.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be a URL of the form postgresql://user:password@host:5432/database');

const envSchema = z.object({
  PORT: z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535')
    .default(3000),
  HOST: z.string().trim().min(1, 'must not be empty').default('0.0.0.0'),
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), postgresUrl.optional()),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
    .default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  EMBEDDED_POSTGRES_DIR: z.string().trim().min(1, 'must not be empty').optional(),
  TRUST_PROXY_HOPS: z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 10')
    .max(10, 'must be between 0 and 10')
    .default(0),
  ADMIN_TOKEN: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .min(24, 'must be at least 24 characters (use e.g. `openssl rand -base64 32`)')
      .max(128, 'must be at most 128 characters')
      .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
      .optional(),
  ),
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  port: number;
  host: string;
  /** Set: use this PostgreSQL. Unset: the app starts an embedded one. */
  databaseUrl: string | undefined;
  logLevel: LogLevel;
  nodeEnv: 'development' | 'production' | 'test';
  /** Data folder of the embedded PostgreSQL (used only without DATABASE_URL). */
  embeddedPostgresDir: string;
  /** Proxies in front of the app that append the client's address to X-Forwarded-For. */
  trustProxyHops: number;
  /** Lets its holder import articles without a host token; unset, only teachers (host tokens) can. */
  adminToken: string | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Hides the password in a connection string so it can be printed. */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '****';
    return url.toString();
  } catch {
    // Unparsable: hide everything between the user name and the last @ (a password may contain @).
    return value.replace(/\/\/([^:/@]*):.*@/, '//$1:****@');
  }
}

/**
 * node-postgres reads `sslmode=require` as `verify-full` and prints a warning
 * about it; hosted PostgreSQL URLs mean libpq's `require` (encrypt, do not
 * verify the certificate). Opting into libpq semantics keeps what the URL says.
 */
export function withLibpqSslModes(value: string): string {
  const url = new URL(value);
  if (url.searchParams.has('sslmode') && !url.searchParams.has('uselibpqcompat')) {
    url.searchParams.set('uselibpqcompat', 'true');
  }
  return url.toString();
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const raw = env[name];
      const secret = name === 'ADMIN_TOKEN';
      const shown = raw === undefined || secret ? '' : ` (got "${name === 'DATABASE_URL' ? redactUrl(raw) : raw}")`;
      return `${name} ${issue.message}${shown}`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const { PORT, HOST, DATABASE_URL, LOG_LEVEL, NODE_ENV, EMBEDDED_POSTGRES_DIR, TRUST_PROXY_HOPS, ADMIN_TOKEN } = parsed.data;
  return {
    port: PORT,
    host: HOST,
    databaseUrl: DATABASE_URL === undefined ? undefined : withLibpqSslModes(DATABASE_URL),
    logLevel: LOG_LEVEL,
    nodeEnv: NODE_ENV,
    embeddedPostgresDir: path.resolve(PROJECT_ROOT, EMBEDDED_POSTGRES_DIR ?? path.join(DATA_DIR, 'postgres')),
    trustProxyHops: TRUST_PROXY_HOPS,
    adminToken: ADMIN_TOKEN,
  };
}
