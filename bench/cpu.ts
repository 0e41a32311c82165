// Where a benchmark's CPU goes: the server process, PostgreSQL (every
// `postgres` process: backends, WAL writer, checkpointer…) and the load
// generator (this process). On a 2-core machine all three share the cores, so
// a millisecond saved anywhere is a millisecond the others get. Read from
// /proc (Linux); elsewhere every figure is null.
import fs from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux platform Node runs on

/** CPU seconds (user + system) a process has used; null when it is gone or /proc is not there. */
function processSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces) start at the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime, stime
  } catch {
    return null;
  }
}

/** CPU seconds of every `postgres` process, by pid. */
function postgresSeconds(): Map<number, number> | null {
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const seconds = new Map<number, number>();
  for (const pid of pids) {
    let command: string;
    try {
      command = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      continue; // exited meanwhile
    }
    const used = command === 'postgres' ? processSeconds(Number(pid)) : null;
    if (used !== null) seconds.set(Number(pid), used);
  }
  return seconds;
}

/** What the postgres processes alive now used since `before` (a process started since counts from zero). */
function postgresSecondsSince(before: Map<number, number>, now: Map<number, number>): number {
  let total = 0;
  for (const [pid, used] of now) total += used - (before.get(pid) ?? 0);
  return total;
}

export interface CpuSplit {
  /** CPU milliseconds per request in the server process. */
  serverMs: number | null;
  /** …in PostgreSQL, all its processes (a backend that exited before the end of the run is not counted). */
  databaseMs: number | null;
  /** …in the load generator. */
  loadMs: number;
}

/** Starts counting; the returned function gives the split per request over `requests`. */
export function measureCpu(serverPid: number | undefined): (requests: number) => CpuSplit {
  const server = serverPid === undefined ? null : processSeconds(serverPid);
  const database = postgresSeconds();
  const load = process.cpuUsage();
  return (requests) => {
    const perRequest = (seconds: number) => Math.round((seconds * 1000 * 1000) / Math.max(1, requests)) / 1000;
    const serverNow = serverPid === undefined ? null : processSeconds(serverPid);
    const databaseNow = postgresSeconds();
    const used = process.cpuUsage(load);
    return {
      serverMs: server === null || serverNow === null ? null : perRequest(serverNow - server),
      databaseMs: database === null || databaseNow === null ? null : perRequest(postgresSecondsSince(database, databaseNow)),
      loadMs: perRequest((used.user + used.system) / 1e6),
    };
  };
}
