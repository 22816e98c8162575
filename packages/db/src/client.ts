import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export type Database = PrismaClient;

/**
 * A Prisma client over node-postgres. `maxConnections` bounds this client's pool (pg's default is 10);
 * keep the sum over all replicas below the server's `max_connections`.
 */
export function createPrismaClient(databaseUrl: string, options: { maxConnections?: number } = {}): Database {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
  return new PrismaClient({ adapter });
}
