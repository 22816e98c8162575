import { POOL_TIMEOUT_MESSAGE } from '@spotter/db';

/** Prisma's codes for "the database cannot be reached right now", as opposed to a bad query. */
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017']);
// P2024: no pooled connection in time; P2028: a transaction could not start in time. The database
// is up but this server has more work than connections: nothing was written, a retry succeeds.
const BUSY_PRISMA_CODES = new Set(['P2024', 'P2028']);

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

export type DatabaseTrouble = 'down' | 'busy';

/**
 * Whether an error means the database is down or unreachable (`down`), or that this server has more
 * work than database connections right now (`busy`); null for anything else (a bad query, a bug).
 * Either trouble is worth retrying, and nothing was written: every write is one transaction, which
 * the database rolled back or never began.
 */
export function databaseTrouble(error: unknown): DatabaseTrouble | null {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as {
      name?: unknown;
      code?: unknown;
      kind?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: { cause?: unknown } };
    };
    if (candidate.name === 'PrismaClientInitializationError') return 'down';
    if (current instanceof Error && current.message === POOL_TIMEOUT_MESSAGE) return 'busy';
    if (typeof candidate.code === 'string' && BUSY_PRISMA_CODES.has(candidate.code)) return 'busy';
    if (typeof candidate.code === 'string' && UNAVAILABLE_PRISMA_CODES.has(candidate.code)) return 'down';
    if (typeof candidate.code === 'string' && UNAVAILABLE_SQLSTATES.has(candidate.code)) return 'down';
    if (typeof candidate.kind === 'string' && UNAVAILABLE_KINDS.has(candidate.kind)) return 'down';
    current = candidate.meta?.driverAdapterError?.cause ?? candidate.cause;
  }
  return null;
}
