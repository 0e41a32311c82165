// Tells every server process that a session changed: PostgreSQL NOTIFY on one
// channel, sent when the transaction commits (so no one hears of a change that
// rolled back). Each process listens (lib/sessions/session-listener.ts) and
// pushes fresh views to its own subscribers.
import type { Prisma } from '../db/generated/client.ts';

export const SESSION_CHANNEL = 'session_updates';

export async function notifySessionChanged(tx: Prisma.TransactionClient, sessionId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${SESSION_CHANNEL}, ${sessionId})`;
}
