import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '../database-admin';
import { migrate } from '../migrate';

const DEFAULT_BASE_URL = 'postgres://postgres@127.0.0.1:5432';

export type TestDatabase = { url: string; drop(): Promise<void> };

/**
 * Creates and migrates a new database `spotter_test_<random>` on the server at TEST_DATABASE_BASE_URL
 * (default: the local PostgreSQL). For tests that need a database of their own, e.g. to start server
 * processes against; `drop()` removes it even while connections remain.
 */
export async function createTestDatabase(
  baseUrl = process.env.TEST_DATABASE_BASE_URL ?? DEFAULT_BASE_URL,
): Promise<TestDatabase> {
  const url = new URL(baseUrl);
  url.pathname = `/spotter_test_${randomBytes(6).toString('hex')}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  try {
    await migrate(databaseUrl);
  } catch (error) {
    await dropDatabase(databaseUrl);
    throw error;
  }
  return { url: databaseUrl, drop: () => dropDatabase(databaseUrl) };
}
