import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MigrationList } from '@prisma/schema-engine-wasm';

/** The package's Prisma folder, resolved from this file so it works from any working directory. */
export const PRISMA_DIR = fileURLToPath(new URL('../../prisma/', import.meta.url));
export const SCHEMA_PATH = join(PRISMA_DIR, 'schema.prisma');
export const MIGRATIONS_DIR = join(PRISMA_DIR, 'migrations');
export const LOCKFILE_NAME = 'migration_lock.toml';
/** The schema each migration was generated for, so the next one can be diffed without a database. */
export const SNAPSHOT_NAME = 'schema.snapshot.prisma';

/**
 * Loads the migrations folder the way Prisma's CLI does (`listMigrations` in @prisma/migrate):
 * every subdirectory is a migration, sorted by name, whose script is `migration.sql`.
 */
export async function readMigrations(migrationsDir = MIGRATIONS_DIR): Promise<MigrationList> {
  const lockfile = await readFile(join(migrationsDir, LOCKFILE_NAME), 'utf8').catch(() => null);
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: await readFile(join(migrationsDir, name, 'migration.sql'), 'utf8').then(
          (value) => ({ tag: 'ok' as const, value }),
          (error: Error) => ({ tag: 'error' as const, value: error.message }),
        ),
      },
    })),
  );
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCKFILE_NAME, content: lockfile },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}
