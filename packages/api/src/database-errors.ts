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

/**
 * node-postgres's errors for a connection lost mid-conversation or never made; they carry no code
 * (a socket that ends without an error from the server), and Prisma's adapter passes them on as they are.
 */
const CONNECTION_LOST_MESSAGES = new Set([
  'Connection terminated unexpectedly',
  'Client has encountered a connection error and is not queryable',
  'Connection terminated due to connection timeout',
]);

export type DatabaseTrouble = 'down' | 'busy';

/**
 * Whether an error means the database is down or unreachable (`down`), or that this server has more
 * work than database connections right now (`busy`); null for anything else (a bad query, a bug).
 * Either trouble is worth retrying. Mostly nothing was written: every write is one transaction, which
 * the database rolled back or never began. A connection lost while its statement ran is the exception:
 * the statement may have committed unseen, so a send must be retried with its nonce (which finds the
 * stored copy), and a batch of sends must not be run again (send-batch.ts).
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
    if (current instanceof Error && CONNECTION_LOST_MESSAGES.has(current.message)) return 'down';
    if (typeof candidate.code === 'string' && BUSY_PRISMA_CODES.has(candidate.code)) return 'busy';
    if (typeof candidate.code === 'string' && UNAVAILABLE_PRISMA_CODES.has(candidate.code)) return 'down';
    if (typeof candidate.code === 'string' && UNAVAILABLE_SQLSTATES.has(candidate.code)) return 'down';
    if (typeof candidate.kind === 'string' && UNAVAILABLE_KINDS.has(candidate.kind)) return 'down';
    current = candidate.meta?.driverAdapterError?.cause ?? candidate.cause;
  }
  return null;
}

// Prisma's codes for a value the database cannot take (too long, out of range, not storable).
const INVALID_VALUE_PRISMA_CODES = new Set(['P2000', 'P2007', 'P2020', 'P2023']);

/**
 * True when the database refused a value the input carried: PostgreSQL's "data exception" class 22
 * (a NUL byte in text, a number out of range, a malformed value) or Prisma's equivalents. That is
 * the caller's mistake (BAD_REQUEST), not the server's, and its raw text must not reach them.
 */
export function isInvalidValue(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as {
      code?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: { cause?: unknown } };
    };
    const code = typeof candidate.code === 'string' ? candidate.code : '';
    if (INVALID_VALUE_PRISMA_CODES.has(code) || /^22[0-9A-Z]{3}$/.test(code)) return true;
    const originalCode = (candidate as { originalCode?: unknown }).originalCode;
    if (typeof originalCode === 'string' && /^22[0-9A-Z]{3}$/.test(originalCode)) return true;
    current = candidate.meta?.driverAdapterError?.cause ?? candidate.cause;
  }
  return false;
}
