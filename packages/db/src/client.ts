import { PrismaPg } from '@prisma/adapter-pg';
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
};

/** pg-pool's own error when no connection freed up in time; it carries no code to tell it by. */
export const POOL_TIMEOUT_MESSAGE = 'timeout exceeded when trying to connect';

/** A Prisma client over node-postgres. */
export function createPrismaClient(databaseUrl: string, options: PrismaClientOptions = {}): Database {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectionWaitMs ?? 3_000,
  });
  if (options.transactionMaxWaitMs === undefined) return new PrismaClient({ adapter });
  return new PrismaClient({ adapter, transactionOptions: { maxWait: options.transactionMaxWaitMs } });
}
