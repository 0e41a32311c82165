// Live session updates within one server process, fed by PostgreSQL
// LISTEN/NOTIFY so that a change made through any process reaches the
// subscribers of every process.
//
// One dedicated connection listens. For each session that has subscribers
// here, a notification loads one fresh snapshot and hands it to all of them
// (each derives its own view). Bursts are coalesced: while a snapshot is
// loading, further notifications only mark the session dirty, and loads of one
// session are at least `minIntervalMs` apart, so 300 answers in a second cost a
// handful of loads, not 300. Answers (`answer` changes) reach only the
// subscribers that asked for them (the host's live count). After the listening
// connection drops, it reconnects with backoff and refreshes every session,
// since notifications sent meanwhile are lost.
import pg from 'pg';
import type { Logger } from '../log/logger.ts';
import { databaseUnavailableReason } from '../db/database-errors.ts';
import { mergeChanges, parseSessionNotification, SESSION_CHANNEL, type SessionChange } from './notify.ts';

export interface SessionSubscriber<S> {
  /** Whether this subscriber also wants the updates caused by answers. */
  wantsAnswers: boolean;
  deliver(snapshot: S): void;
}

interface Watched<S> {
  subscribers: Set<SessionSubscriber<S>>;
  pending: SessionChange | null;
  loading: boolean;
  timer: NodeJS.Timeout | null;
  /** When the waiting timer fires (Date.now() time). */
  timerDueAt: number;
  lastLoadAt: number;
  /** Loads that failed in a row (the next waits longer). */
  failures: number;
}

export interface SessionUpdatesOptions<S> {
  connectionString: string;
  /** Reads a session's current snapshot. */
  load(sessionId: string): Promise<S>;
  log: Logger;
  /** Least time between two loads of one session (default 100 ms). */
  minIntervalMs?: number;
}

const MAX_RECONNECT_DELAY_MS = 10_000;
/** A connection attempt to a database that does not answer fails after this, and is tried again. */
const CONNECT_TIMEOUT_MS = 5_000;

/** What to log about a failure: while the database is away, its reason alone (no stack on every retry). */
const describe = (error: unknown) => {
  const reason = databaseUnavailableReason(error);
  return reason ? { reason } : { err: error };
};

function wantsAnswers(entry: { subscribers: Set<{ wantsAnswers: boolean }> }): boolean {
  for (const subscriber of entry.subscribers) if (subscriber.wantsAnswers) return true;
  return false;
}

export class SessionUpdates<S> {
  private readonly watched = new Map<string, Watched<S>>();
  private client: pg.Client | null = null;
  private closed = false;
  private reconnectDelayMs = 250;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private readonly minIntervalMs: number;

  constructor(private readonly options: SessionUpdatesOptions<S>) {
    this.minIntervalMs = options.minIntervalMs ?? 100;
  }

  /** Connects and listens; rejects when the first connection fails. */
  async start(): Promise<void> {
    await this.connect();
  }

  /** Follows a session; returns the function that stops following it. */
  subscribe(sessionId: string, subscriber: SessionSubscriber<S>): () => void {
    let entry = this.watched.get(sessionId);
    if (!entry) {
      entry = { subscribers: new Set(), pending: null, loading: false, timer: null, timerDueAt: 0, lastLoadAt: 0, failures: 0 };
      this.watched.set(sessionId, entry);
    }
    entry.subscribers.add(subscriber);
    return () => {
      const current = this.watched.get(sessionId);
      if (!current) return;
      current.subscribers.delete(subscriber);
      if (current.subscribers.size === 0 && !current.loading) {
        if (current.timer) clearTimeout(current.timer);
        this.watched.delete(sessionId);
      }
    };
  }

  /** How many subscribers follow a session in this process. */
  subscriberCount(sessionId: string): number {
    return this.watched.get(sessionId)?.subscribers.size ?? 0;
  }

  /** Takes a notification (normally from PostgreSQL; exposed for tests). */
  notify(sessionId: string, change: SessionChange): void {
    const entry = this.watched.get(sessionId);
    if (!entry || this.closed) return;
    // An answer changes only what a host sees: a process with no host of this session loads nothing for it.
    if (change === 'answer' && !wantsAnswers(entry)) return;
    entry.pending = mergeChanges(entry.pending, change);
    this.schedule(sessionId, entry);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    for (const entry of this.watched.values()) if (entry.timer) clearTimeout(entry.timer);
    this.watched.clear();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  /** Sets (or brings forward) the load of what is pending: a timer already due sooner stays. */
  private schedule(sessionId: string, entry: Watched<S>): void {
    if (entry.loading || entry.pending === null) return;
    // A host's move goes out at once; answers and joins wait for the interval, so a burst is one load.
    const interval = entry.pending === 'move' ? 0 : this.minIntervalMs;
    const backoff = entry.failures ? Math.min(250 * 2 ** entry.failures, MAX_RECONNECT_DELAY_MS) : interval;
    const dueAt = Math.max(Date.now(), entry.lastLoadAt + backoff);
    if (entry.timer) {
      if (entry.timerDueAt <= dueAt) return;
      clearTimeout(entry.timer);
    }
    entry.timerDueAt = dueAt;
    entry.timer = setTimeout(() => {
      entry.timer = null;
      void this.refresh(sessionId, entry);
    }, dueAt - Date.now());
  }

  private async refresh(sessionId: string, entry: Watched<S>): Promise<void> {
    const change = entry.pending;
    if (change === null || this.closed) return;
    entry.pending = null;
    entry.loading = true;
    try {
      const snapshot = await this.options.load(sessionId);
      entry.failures = 0;
      for (const subscriber of entry.subscribers) {
        if (change !== 'answer' || subscriber.wantsAnswers) subscriber.deliver(snapshot);
      }
    } catch (error) {
      // The change is not lost: it is tried again, later each time.
      entry.failures += 1;
      entry.pending = mergeChanges(entry.pending, change);
      this.options.log.warn({ ...describe(error), sessionId }, 'could not load a session update; retrying');
    } finally {
      entry.loading = false;
      entry.lastLoadAt = Date.now();
    }
    if (entry.subscribers.size === 0) {
      if (this.watched.get(sessionId) === entry) this.watched.delete(sessionId);
      return;
    }
    this.schedule(sessionId, entry);
  }

  private async connect(): Promise<void> {
    // keepAlive: a connection dropped silently by the network is noticed and replaced.
    const client = new pg.Client({ connectionString: this.options.connectionString, application_name: 'factcheck-quiz session updates', connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
    client.on('notification', (message) => {
      const parsed = message.channel === SESSION_CHANNEL ? parseSessionNotification(message.payload) : null;
      if (parsed) this.notify(parsed.sessionId, parsed.change);
    });
    client.on('error', (error) => {
      this.options.log.warn(describe(error), 'the session updates connection failed; reconnecting');
      this.lost(client);
    });
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSION_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.reconnectDelayMs = 250;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client || this.closed) return;
    this.client = null;
    client.end().catch(() => {});
    this.reconnect();
  }

  private reconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    const delay = this.reconnectDelayMs;
    this.reconnectDelayMs = Math.min(this.reconnectDelayMs * 2, MAX_RECONNECT_DELAY_MS);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect().then(
        // Whatever was announced while disconnected is lost: refresh everything followed here.
        () => {
          for (const sessionId of this.watched.keys()) this.notify(sessionId, 'change');
        },
        (error) => {
          this.options.log.warn(describe(error), 'could not reconnect the session updates connection');
          this.reconnect();
        },
      );
    }, delay);
  }
}

/**
 * A subscriber's queue that keeps only the newest snapshot not yet taken: a
 * slow client skips stale states instead of piling them up. An async iterator
 * whose `return()` ends it at once, even while it waits.
 */
export class LatestValueStream<S, V> implements AsyncIterableIterator<V> {
  private latest: S | null = null;
  private lastGiven: S | null = null;
  private waiting: ((result: IteratorResult<V>) => void) | null = null;
  private done = false;

  constructor(
    private readonly toValue: (snapshot: S) => V,
    /** Whether snapshot `a` is at least as new as `b` (e.g. by version); an older one is dropped. */
    private readonly notOlder: (a: S, b: S) => boolean = () => true,
    private readonly onEnd: () => void = () => {},
  ) {}

  put(snapshot: S): void {
    if (this.done) return;
    if (this.lastGiven !== null && !this.notOlder(snapshot, this.lastGiven)) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      this.lastGiven = snapshot;
      resolve({ value: this.toValue(snapshot), done: false });
      return;
    }
    if (this.latest === null || this.notOlder(snapshot, this.latest)) this.latest = snapshot;
  }

  next(): Promise<IteratorResult<V>> {
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    if (this.latest !== null) {
      const snapshot = this.latest;
      this.latest = null;
      this.lastGiven = snapshot;
      return Promise.resolve({ value: this.toValue(snapshot), done: false });
    }
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<V>> {
    if (!this.done) {
      this.done = true;
      this.latest = null;
      this.waiting?.({ value: undefined, done: true });
      this.waiting = null;
      this.onEnd();
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<V>> {
    void this.return();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<V> {
    return this;
  }
}
