import type { Database } from '@spotter/db';
import { cpuMicros } from './proc';

/** The bench's own connections say so, and are left out of the figure. */
export const BENCH_APPLICATION_NAME = 'spotter-bench';
const SAMPLE_MS = 250;

export const POSTGRES_CPU_SOURCE =
  'PostgreSQL CPU = the backends serving the bench database (pg_stat_activity.pid, sampled every 250 ms; ' +
  "the bench's own connections, the WAL writer and the checkpointer are not counted)";

/**
 * Measures the CPU that PostgreSQL's backends spend for the replicas while a phase runs. The server
 * is shared with other work on this machine (other test runs), so summing every `postgres` process
 * would count theirs too: only the backends connected to the bench's database are read. The pool
 * opens and closes connections, so the set is sampled: a backend first seen mid-phase counts from
 * zero (it was born during the phase), one that ends between samples loses at most 250 ms of CPU.
 */
export async function startPostgresCpu(prisma: Database) {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const sample = async (isStart: boolean) => {
    const rows = await prisma.$queryRaw<{ pid: number }[]>`
      SELECT pid FROM pg_stat_activity
      WHERE datname = current_database() AND coalesce(application_name, '') <> ${BENCH_APPLICATION_NAME}`;
    for (const { pid } of rows) {
      const micros = cpuMicros(pid);
      if (micros === undefined) continue;
      if (!first.has(pid)) first.set(pid, isStart ? micros : 0);
      last.set(pid, micros);
    }
  };
  await sample(true);
  let sampling = Promise.resolve();
  const timer = setInterval(() => {
    sampling = sampling.then(() => sample(false)).catch(() => {});
  }, SAMPLE_MS);
  return {
    /** Stops sampling and returns the backends' CPU µs since the start. */
    async stop(): Promise<number> {
      clearInterval(timer);
      await sampling;
      await sample(false);
      let total = 0;
      for (const [pid, micros] of last) total += micros - (first.get(pid) ?? 0);
      return total;
    },
  };
}
