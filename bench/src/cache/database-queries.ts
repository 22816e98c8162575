import type { Database } from '@spotter/db';

/**
 * Statements PostgreSQL ran in the bench's database: every committed or rolled-back transaction,
 * which for the reads measured here (no explicit transactions) is one per query. Backends report
 * these counts when idle, at most 10 s late (PostgreSQL 15's idle stats interval), so a reading
 * waits that long first.
 */
export async function databaseStatements(prisma: Database): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, STATS_FLUSH_MS));
  const [row] = await prisma.$queryRaw<{ n: bigint }[]>`
    SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`;
  return Number(row?.n ?? 0);
}

const STATS_FLUSH_MS = 11_000;
