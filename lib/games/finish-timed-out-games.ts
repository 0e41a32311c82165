// Games nobody is playing any more still finish, and their scores reach the
// leaderboards: a game left on its last question once that question's time is
// up, and a game left anywhere for half an hour (its remaining questions count
// as unanswered). The server sweeps every minute; safe with many server
// processes, since each game is finished under its row lock.
import type { PrismaClient } from '../db/prisma.ts';
import { LATE_GRACE_MS } from './scoring.ts';
import { finishTimedOutGame } from './play.ts';

export const SWEEP_INTERVAL_MS = 60_000;

export const ABANDONED_AFTER_MS = 30 * 60_000;

export async function finishTimedOutGames(prisma: PrismaClient, now = new Date()): Promise<number> {
  const abandonedSince = new Date(now.getTime() - ABANDONED_AFTER_MS);
  const candidates = await prisma.$queryRaw<{ id: string }[]>`
    SELECT g.id FROM games g
    WHERE g.status = 'ACTIVE' AND (
      (g.served_at IS NOT NULL AND g.current_index = cardinality(g.question_ids) - 1
        AND g.served_at + make_interval(secs => g.time_limit_seconds) + ${`${LATE_GRACE_MS} milliseconds`}::interval < ${now})
      OR greatest(g.started_at, g.served_at, (SELECT max(a.answered_at) FROM answers a WHERE a.game_id = g.id)) < ${abandonedSince}
    )
    LIMIT 500`;
  let finished = 0;
  for (const { id } of candidates) if (await finishTimedOutGame(prisma, id, now)) finished += 1;
  return finished;
}
