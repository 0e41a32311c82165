// Tells apart the errors that mean "the database cannot be reached right now"
// (stopped, restarting, crashed, unreachable, out of connections) from every
// other error, whichever layer threw them: node-postgres and its pool, a Node
// socket, Prisma's driver adapter, or Prisma's client wrapping either. The API
// answers those with SERVICE_UNAVAILABLE (try again) instead of an internal
// error. Pure: it only inspects the error objects.
//
// What each layer throws when PostgreSQL is down (measured with Prisma 7.10,
// @prisma/adapter-pg and pg 8; see tests/unit/database-errors.test.ts):
// - nothing listening: a socket error ECONNREFUSED; Prisma wraps it as a
//   PrismaClientKnownRequestError P1001 (P2010 from $queryRaw) whose
//   `meta.driverAdapterError.cause.kind` is DatabaseNotReachable;
// - a stopping server ends its connections with SQLSTATE 57P01
//   (admin_shutdown), a starting one refuses them with 57P03; Prisma passes
//   the SQLSTATE on as `originalCode` (P2010 / P2039);
// - a crash or a dropped link: pg's plain Error "Connection terminated
//   unexpectedly", which Prisma passes through unwrapped;
// - no answer: the pool gives up after connectionTimeoutMillis ("Connection
//   terminated due to connection timeout", or "timeout exceeded when trying to
//   connect" while waiting for a pooled connection; a lone pg.Client says
//   "timeout expired"), or Prisma's interactive
//   transaction after its maxWait (P2028 "Unable to start a transaction in the
//   given time").

/** Node socket errors of a connection that cannot be made or was cut. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** Prisma error codes of an unreachable database (P1xxx) or an exhausted pool. */
const PRISMA_CODES = new Set([
  'P1001', // can't reach the database server
  'P1002', // reached, but timed out
  'P1008', // operation timed out (socket timeout)
  'P1017', // server closed the connection
  'P2024', // timed out fetching a connection from the pool
  'P2037', // too many database connections
]);

/** The driver adapter's kinds for the same cases (`DriverAdapterError.cause.kind`). */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

/**
 * SQLSTATEs of a server that is going away or not ready: class 08 (connection
 * exception), admin / crash shutdown, cannot connect now (starting up or
 * shutting down), too many connections.
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const isUnavailableSqlState = (code: string) => SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code);

/** node-postgres's own errors for a lost or impossible connection; they carry no code, only these exact messages. */
const PG_MESSAGES = new Set([
  'Connection terminated unexpectedly',
  'Connection terminated',
  'Connection terminated due to connection timeout',
  'timeout expired', // a single pg.Client's connectionTimeoutMillis
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end on the pool',
]);

/** Prisma's P2028 means this only with this message (it also reports expired transactions). */
const PRISMA_TRANSACTION_START_TIMEOUT = /Unable to start a transaction in the given time/;

type Node = Record<string, unknown>;

const asNode = (value: unknown): Node | undefined => (value !== null && typeof value === 'object' ? (value as Node) : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Why this one object (not its causes) means the database is unavailable, or undefined. */
function reasonOf(node: Node): string | undefined {
  const code = text(node.code);
  const message = text(node.message);
  if (code && SOCKET_CODES.has(code) && (typeof node.syscall === 'string' || node instanceof AggregateError)) return code;
  if (code && PRISMA_CODES.has(code)) return code;
  if (code === 'P2028' && message && PRISMA_TRANSACTION_START_TIMEOUT.test(message)) return 'P2028 transaction could not start in time';
  const kind = text(node.kind);
  if (kind && ADAPTER_KINDS.has(kind)) return kind;
  // A PostgreSQL error: pg's DatabaseError has a severity; the adapter keeps its code as originalCode.
  const sqlState = text(node.originalCode) ?? (typeof node.severity === 'string' ? code : undefined);
  if (sqlState && isUnavailableSqlState(sqlState)) return `SQLSTATE ${sqlState}`;
  if (!code && message && PG_MESSAGES.has(message)) return message;
  return undefined;
}

/** The objects an error is made of: itself, its causes, Prisma's driver adapter error, an AggregateError's errors. */
function parts(node: Node): unknown[] {
  const meta = asNode(node.meta);
  return [node.cause, meta?.driverAdapterError, ...(Array.isArray(node.errors) ? node.errors : [])];
}

/**
 * A short, safe description of why `error` means the database is unavailable
 * (codes and fixed driver messages only: never SQL, a host, a stack or a file
 * path), or null when it means something else.
 */
export function databaseUnavailableReason(error: unknown): string | null {
  const seen = new Set<Node>();
  const queue: unknown[] = [error];
  while (queue.length && seen.size < 32) {
    const node = asNode(queue.shift());
    if (!node || seen.has(node)) continue;
    seen.add(node);
    const reason = reasonOf(node);
    if (reason) return reason;
    queue.push(...parts(node));
  }
  return null;
}

/** Whether `error` (or anything it wraps) says the database cannot be reached right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseUnavailableReason(error) !== null;
}
