import type { Database } from '@spotter/db';
import type { Logger } from '../logger';

/** How long stream events are kept. A client away longer resumes with a `reset` (newest state). */
const EVENT_RETENTION_DAYS = 30;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
/** Streams handled per round of the prune. */
const BATCH = 500;

/**
 * Deletes events created before `olderThan` and records per stream the highest seq removed
 * (`prunedThrough`), so a subscriber whose cursor is behind it gets a `reset` rather than a silent
 * gap. One statement per stream: it locks that stream's row alone, as a writer would, so pruning
 * never holds two stream locks and cannot deadlock with writers. Messages themselves stay: history
 * paging reads them, not events. Returns how many events were removed.
 */
export async function pruneEvents(prisma: Database, olderThan: Date): Promise<number> {
  let removed = 0;
  for (;;) {
    const streams = await prisma.$queryRaw<{ streamId: string }[]>`
      SELECT DISTINCT "streamId" FROM "StreamEvent" WHERE "createdAt" < ${olderThan} LIMIT ${BATCH}`;
    for (const { streamId } of streams) {
      const [row] = await prisma.$queryRaw<{ count: number }[]>`
        WITH pruned AS (
          DELETE FROM "StreamEvent" WHERE "streamId" = ${streamId} AND "createdAt" < ${olderThan}
          RETURNING "seq"
        ), marked AS (
          UPDATE "Stream" SET "prunedThrough" = GREATEST("prunedThrough", (SELECT max("seq") FROM pruned))
          WHERE "id" = ${streamId} AND EXISTS (SELECT 1 FROM pruned)
        )
        SELECT count(*)::int AS count FROM pruned`;
      removed += row?.count ?? 0;
    }
    if (streams.length < BATCH) return removed;
  }
}

/**
 * Prunes at start and then hourly, in the background. Every replica may run it: deleting what
 * another replica deleted already is harmless. Returns the function that stops it.
 */
export function keepWithinRetention(deps: { prisma: Database; logger: Logger }, days = EVENT_RETENTION_DAYS) {
  const run = () => {
    const olderThan = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
    pruneEvents(deps.prisma, olderThan).then(
      (removed) => {
        if (removed > 0) deps.logger.info({ removed, days }, 'pruned stream events past retention');
      },
      (err: Error) => deps.logger.warn({ err: err.message }, 'pruning stream events failed; retrying later'),
    );
  };
  run();
  const timer = setInterval(run, PRUNE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
