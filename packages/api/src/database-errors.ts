import { POOL_TIMEOUT_MESSAGE } from '@spotter/db';

/** Prisma's codes for "the database cannot be reached right now", as opposed to a bad query. */
// P2028: a transaction could not start in time (the pool or the database is overloaded): nothing
// was written, and a retry a little later succeeds.
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);

/** Driver adapter error kinds (adapter-pg) and PostgreSQL/socket codes that mean the same. */
const UNAVAILABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
]);

/**
 * True when an error means the database is down or unreachable. Such a failure is worth retrying,
 * and nothing was written: every write is one transaction, which the database rolled back.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as {
      name?: unknown;
      code?: unknown;
      kind?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: { cause?: unknown } };
    };
    if (candidate.name === 'PrismaClientInitializationError') return true;
    // Every pooled connection stayed busy past the wait: the replica is overloaded; shed, retry later.
    if (current instanceof Error && current.message === POOL_TIMEOUT_MESSAGE) return true;
    if (typeof candidate.code === 'string' && UNAVAILABLE_PRISMA_CODES.has(candidate.code)) return true;
    if (typeof candidate.code === 'string' && UNAVAILABLE_SQLSTATES.has(candidate.code)) return true;
    if (typeof candidate.kind === 'string' && UNAVAILABLE_KINDS.has(candidate.kind)) return true;
    current = candidate.meta?.driverAdapterError?.cause ?? candidate.cause;
  }
  return false;
}
