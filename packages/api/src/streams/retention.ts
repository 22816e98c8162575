import type { Database } from '@spotter/db';
import type { Logger } from '../logger';

/** How long stream events are kept. A client away longer resumes with a `reset` (newest state). */
const EVENT_RETENTION_DAYS = 30;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
const BATCH = 5_000;

/**
 * Deletes events created before `olderThan`, in batches, and records per stream the highest seq
 * removed (`prunedThrough`), so a subscriber whose cursor is behind it gets a `reset` rather than a
 * silent gap. Messages themselves stay: history paging reads them, not events. Returns how many
 * events were removed.
 */
export async function pruneEvents(prisma: Database, olderThan: Date): Promise<number> {
  let removed = 0;
  for (;;) {
    const rows = await prisma.$queryRaw<{ count: number }[]>`
      WITH pruned AS (
        DELETE FROM "StreamEvent"
        WHERE ("streamId", "seq") IN (
          SELECT "streamId", "seq" FROM "StreamEvent" WHERE "createdAt" < ${olderThan} LIMIT ${BATCH}
        )
        RETURNING "streamId", "seq"
      ), bounds AS (
        SELECT "streamId", max("seq") AS seq, count(*)::int AS count FROM pruned GROUP BY "streamId"
      ), marked AS (
        UPDATE "Stream" s SET "prunedThrough" = GREATEST(s."prunedThrough", b.seq)
        FROM bounds b WHERE s."id" = b."streamId"
      )
      SELECT coalesce(sum(count), 0)::int AS count FROM bounds`;
    const count = rows[0]?.count ?? 0;
    removed += count;
    if (count < BATCH) return removed;
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
