import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dropDatabase, ensureDatabase } from './database-admin';
import { migrate } from './migrate';
import { MIGRATIONS_DIR, readMigrations } from './migrations/files';

const base = new URL(process.env.TEST_DATABASE_BASE_URL ?? 'postgres://postgres@127.0.0.1:5432');
const created: string[] = [];

async function emptyDatabase(): Promise<string> {
  const url = new URL(base);
  url.pathname = `/spotter_test_migrate_${Math.random().toString(36).slice(2, 10)}`;
  created.push(url.toString());
  await ensureDatabase(url.toString());
  return url.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await Promise.all(created.map(dropDatabase));
});

describe('migrate', () => {
  it('applies every migration once, then finds nothing to do', async () => {
    const url = await emptyDatabase();
    const names = (await readMigrations()).migrationDirectories.map((m) => m.path);
    expect(names.length).toBeGreaterThan(0);

    expect(await migrate(url)).toEqual({ applied: names });
    expect(await migrate(url)).toEqual({ applied: [] });

    const tables = await query<{ table_name: string }>(
      url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['User', 'Channel', 'Membership', 'Message', '_prisma_migrations']),
    );
  });

  it('records migrations the way prisma migrate deploy does', async () => {
    const url = await emptyDatabase();
    await migrate(url);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      url,
      'SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name',
    );
    for (const row of rows) {
      const sql = await readFile(join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.finished_at).not.toBeNull();
    }
    expect(rows).toHaveLength((await readMigrations()).migrationDirectories.length);
  });

  it('applies each migration exactly once when called concurrently', async () => {
    const url = await emptyDatabase();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    const applied = results.flatMap((r) => r.applied);
    expect(applied).toEqual((await readMigrations()).migrationDirectories.map((m) => m.path));
  });
});
