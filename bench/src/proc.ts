import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

// USER_HZ: the unit of utime/stime in /proc/<pid>/stat (100 on every Linux we run on, but asked).
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
const MICROS_PER_TICK = 1_000_000 / TICKS_PER_SECOND;

/** The stat line's fields after the command name, which may itself contain spaces and parentheses. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/**
 * CPU time (user + system, all threads) the process has used so far, in µs, or undefined once it
 * is gone. Resolution is one clock tick (10 ms): phases last seconds, so that is plenty.
 */
export function cpuMicros(pid: number): number | undefined {
  const fields = statFields(pid);
  // Fields 14 and 15 of stat(5); index 0 here is field 3 (state).
  if (!fields) return undefined;
  return (Number(fields[11]) + Number(fields[12])) * MICROS_PER_TICK;
}

/** Whether the process still runs (a zombie has exited, it only waits to be reaped). */
export function isAlive(pid: number): boolean {
  const state = statFields(pid)?.[0];
  return state !== undefined && state !== 'Z' && state !== 'X';
}

/** Resident set size in KB (VmRSS of /proc/<pid>/status). */
export function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]);
}

/** Pids of processes whose command line contains every one of `parts` (e.g. our redis-server's port). */
export function findPids(parts: string[]): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      if (parts.every((part) => cmdline.includes(part))) pids.push(Number(entry));
    } catch {
      // It exited while we looked.
    }
  }
  return pids;
}

/** CPU µs used by a fixed set of processes between two moments. */
export function cpuMeter(pids: readonly number[]) {
  const before = pids.map((pid) => cpuMicros(pid) ?? 0);
  return {
    /** µs per process since the meter was made; a process gone meanwhile counts 0 (its pid is reported as crashed). */
    read: (): number[] => pids.map((pid, i) => Math.max(0, (cpuMicros(pid) ?? 0) - (before[i] ?? 0))),
  };
}
