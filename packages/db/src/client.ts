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
};

/** A Prisma client over node-postgres. */
export function createPrismaClient(databaseUrl: string, options: PrismaClientOptions = {}): Database {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
  if (options.transactionMaxWaitMs === undefined) return new PrismaClient({ adapter });
  return new PrismaClient({ adapter, transactionOptions: { maxWait: options.transactionMaxWaitMs } });
}
