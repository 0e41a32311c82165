// Tells every server process that a session changed: PostgreSQL NOTIFY on one
// channel, sent when the transaction commits (so no one hears of a change that
// rolled back). Each process listens (lib/sessions/session-updates.ts) and
// pushes fresh views to its own subscribers.
import type { Prisma } from '../db/generated/client.ts';

export const SESSION_CHANNEL = 'session_updates';

/**
 * What changed: `answer` (a student answered: only the host's live count
 * moved), `change` (something everyone sees: the players, the lock), or
 * `move` (the host moved the flow: a question opened or closed, which every
 * screen must show at once).
 */
export type SessionChange = 'answer' | 'change' | 'move';

const URGENCY: Record<SessionChange, number> = { answer: 0, change: 1, move: 2 };

/** Two changes waiting to be shown, as one: the more urgent one. */
export function mergeChanges(a: SessionChange | null, b: SessionChange): SessionChange {
  return a !== null && URGENCY[a] > URGENCY[b] ? a : b;
}

export async function notifySessionChanged(tx: Prisma.TransactionClient, sessionId: string, change: SessionChange = 'change'): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${SESSION_CHANNEL}, ${`${sessionId} ${change}`})`;
}

/** Reads a notification's payload; null for anything that is not ours. */
export function parseSessionNotification(payload: string | undefined): { sessionId: string; change: SessionChange } | null {
  const match = /^(\S+) (answer|change|move)$/.exec(payload ?? '');
  return match ? { sessionId: match[1]!, change: match[2] as SessionChange } : null;
}
