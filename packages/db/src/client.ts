import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client';

export type Database = PrismaClient;

export type PrismaClientOptions = {
  /** Bounds this client's pool (pg's default is 10); keep the sum over all replicas below `max_connections`. */
  maxConnections?: number;
  /**
   * How long a transaction may wait to start (Prisma's default: 2 s). The embedded database runs one
   * transaction at a time, so under a burst a send queues behind the others rather than failing.
   */
  transactionMaxWaitMs?: number;
  /**
   * How long a query may wait for a free pooled connection before failing (default 3 s). Under
   * overload a replica then sheds work with a retryable error instead of queueing without bound;
   * the embedded database, one session at a time, gets as long as its transactions.
   */
  connectionWaitMs?: number;
  /**
   * Every connection shares one server session (the embedded database): a statement prepared by
   * name on one connection would collide with the same name from another, so none is prepared.
   */
  sharesOneSession?: boolean;
};

/** The pool under a client, for the hot path's raw statements (see rawAccessOf). */
export type RawAccess = {
  pool: pg.Pool;
  /** Whether statements may be prepared by name, once per connection (not on a shared session). */
  canPrepare: boolean;
};

/** pg-pool's own error when no connection freed up in time; it carries no code to tell it by. */
export const POOL_TIMEOUT_MESSAGE = 'timeout exceeded when trying to connect';

/** A Prisma client over node-postgres. */
export function createPrismaClient(databaseUrl: string, options: PrismaClientOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectionWaitMs ?? 3_000,
  });
  // An idle connection that breaks is dropped by the pool; the next query reports the outage.
  pool.on('error', () => {});
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client =
    options.transactionMaxWaitMs === undefined
      ? new PrismaClient({ adapter })
      : new PrismaClient({ adapter, transactionOptions: { maxWait: options.transactionMaxWaitMs } });
  rawAccess.set(client, { pool, canPrepare: !options.sharesOneSession });
  return client;
}

const rawAccess = new WeakMap<Database, RawAccess>();

/**
 * The node-postgres pool under a client made by createPrismaClient (its connections, its bound and
 * its wait), for the one statement on the hot path, a message send: there Prisma's own work per
 * query (its query interpreter, its result mapping) cost more CPU than the round trip.
 */
export function rawAccessOf(db: Database): RawAccess {
  const access = rawAccess.get(db);
  if (!access) throw new Error('rawAccessOf: this client was not made by createPrismaClient');
  return access;
}
