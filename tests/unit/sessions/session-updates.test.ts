// The per-process fan-out of session updates: bursts coalesce into few loads,
// answers reach only those who asked, streams keep only the newest state.
import { describe, expect, it } from 'vitest';
import { LatestValueStream, SessionUpdates } from '../../../lib/sessions/session-updates.ts';
import { createLogger } from '../../../lib/log/logger.ts';

const log = createLogger('silent', { pretty: false });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function updates(minIntervalMs = 50) {
  let loads = 0;
  const hub = new SessionUpdates<number>({
    connectionString: 'unused: start() is never called here',
    log,
    minIntervalMs,
    load: async () => {
      loads += 1;
      await sleep(5);
      return loads;
    },
  });
  return { hub, loads: () => loads };
}

describe('SessionUpdates', () => {
  it('coalesces a burst of 300 answers into a few loads, delivered to the host only', async () => {
    const { hub, loads } = updates();
    const host: number[] = [];
    const student: number[] = [];
    hub.subscribe('s1', { wantsAnswers: true, deliver: (s) => host.push(s) });
    hub.subscribe('s1', { wantsAnswers: false, deliver: (s) => student.push(s) });
    for (let i = 0; i < 300; i += 1) {
      hub.notify('s1', 'answer');
      if (i % 50 === 0) await sleep(20);
    }
    await sleep(200);
    expect(loads()).toBeGreaterThanOrEqual(2);
    expect(loads()).toBeLessThan(15);
    expect(host.at(-1)).toBe(loads());
    expect(student).toEqual([]);
    await hub.close();
  });

  it('delivers a change to everyone, and nothing for sessions no one follows here', async () => {
    const { hub, loads } = updates();
    const seen: string[] = [];
    const stop = hub.subscribe('s1', { wantsAnswers: false, deliver: () => seen.push('student') });
    hub.notify('s2', 'change');
    hub.notify('s1', 'answer');
    hub.notify('s1', 'change');
    await sleep(100);
    expect(seen).toEqual(['student']);
    expect(loads()).toBe(1);
    stop();
    expect(hub.subscriberCount('s1')).toBe(0);
    hub.notify('s1', 'change');
    await sleep(100);
    expect(loads()).toBe(1);
    await hub.close();
  });

  it("sends a host's move at once, even right after a burst of answers, and to everyone", async () => {
    const { hub, loads } = updates(1_000);
    const seen: number[] = [];
    hub.subscribe('s1', { wantsAnswers: true, deliver: () => {} });
    hub.subscribe('s1', { wantsAnswers: false, deliver: (s) => seen.push(s) });
    hub.notify('s1', 'answer');
    await sleep(30);
    expect(loads()).toBe(1);
    // An answer now would wait out the 1 s interval; a move does not.
    const movedAt = Date.now();
    hub.notify('s1', 'answer');
    hub.notify('s1', 'move');
    while (seen.length === 0 && Date.now() - movedAt < 900) await sleep(5);
    expect(seen).toEqual([2]);
    expect(Date.now() - movedAt).toBeLessThan(500);
    await hub.close();
  });
});

describe('SessionUpdates in a process without the host', () => {
  it('loads nothing for answers, which only the host sees, and still loads a change', async () => {
    const { hub, loads } = updates();
    const seen: number[] = [];
    hub.subscribe('s1', { wantsAnswers: false, deliver: (s) => seen.push(s) });
    for (let i = 0; i < 50; i += 1) hub.notify('s1', 'answer');
    await sleep(150);
    expect(loads()).toBe(0);
    hub.notify('s1', 'change');
    await sleep(150);
    expect(seen).toEqual([1]);
    await hub.close();
  });
});

describe('SessionUpdates when a load fails', () => {
  it('keeps the change and retries until it loads', async () => {
    let calls = 0;
    const hub = new SessionUpdates<string>({
      connectionString: 'unused',
      log,
      minIntervalMs: 10,
      load: async () => {
        calls += 1;
        if (calls < 3) throw new Error('the pool timed out');
        return 'closed';
      },
    });
    const seen: string[] = [];
    hub.subscribe('s1', { wantsAnswers: false, deliver: (s) => seen.push(s) });
    hub.notify('s1', 'change');
    // Retries back off: 0.5 s, then 1 s.
    await sleep(3_000);
    expect(calls).toBe(3);
    expect(seen).toEqual(['closed']);
    await hub.close();
  });
});

describe('LatestValueStream', () => {
  it('keeps only the newest snapshot, drops older ones, and ends at once on return', async () => {
    let ended = false;
    const stream = new LatestValueStream<number, string>((n) => `v${n}`, (a, b) => a >= b, () => (ended = true));
    stream.put(1);
    stream.put(3);
    stream.put(2);
    expect(await stream.next()).toEqual({ value: 'v3', done: false });
    stream.put(2);
    const waiting = stream.next();
    stream.put(4);
    expect(await waiting).toEqual({ value: 'v4', done: false });
    const pending = stream.next();
    await stream.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(ended).toBe(true);
  });
});
