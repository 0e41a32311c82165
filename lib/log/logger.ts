// The process-wide logger. Human-readable lines on a terminal, JSON lines
// otherwise (log collectors), at the configured LOG_LEVEL.
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

export function createLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  const usePretty = options.pretty ?? Boolean(process.stdout.isTTY);
  if (!usePretty) return pino({ level });
  // In-process stream (no worker thread): simple, and fine at our log volume.
  return pino({ level }, pretty({ colorize: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname', sync: true }));
}
