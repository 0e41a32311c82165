// Games whose last question timed out while nobody was there (the tab was
// closed) still finish, and their scores reach the leaderboards: the server
// sweeps them every minute. Safe with many server processes: each game is
// finished under its row lock, and a finished game is skipped.
import type { PrismaClient } from '../db/prisma.ts';
import { LATE_GRACE_MS } from './scoring.ts';
import { finishTimedOutGame } from './play.ts';

export const SWEEP_INTERVAL_MS = 60_000;

export async function finishTimedOutGames(prisma: PrismaClient, now = new Date()): Promise<number> {
  const candidates = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM games
    WHERE status = 'ACTIVE' AND served_at IS NOT NULL
      AND current_index = cardinality(question_ids) - 1
      AND served_at + make_interval(secs => time_limit_seconds) + ${`${LATE_GRACE_MS} milliseconds`}::interval < ${now}
    LIMIT 500`;
  let finished = 0;
  for (const { id } of candidates) if (await finishTimedOutGame(prisma, id, now)) finished += 1;
  return finished;
}
