import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import '../testing/provided-context';
import { createMigration } from './create';
import { MIGRATIONS_DIR, readMigrations, SCHEMA_PATH } from './files';

let dir: string;
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function workspace(withCommittedMigrations: boolean) {
  dir = await mkdtemp(join(tmpdir(), 'spotter-migrations-'));
  const migrationsDir = join(dir, 'migrations');
  const schemaPath = join(dir, 'schema.prisma');
  await cp(SCHEMA_PATH, schemaPath);
  if (withCommittedMigrations) await cp(MIGRATIONS_DIR, migrationsDir, { recursive: true });
  // The test database answers the engine's version probe; booting PGlite for it takes seconds.
  return { migrationsDir, schemaPath, probeUrl: inject('databaseUrl') };
}

describe('createMigration', () => {
  it('finds schema.prisma fully covered by the committed migrations', async () => {
    const paths = await workspace(true);
    expect(await createMigration('drift', paths)).toEqual({ name: null, sql: null });
  });

  it('writes the next migration from the schema change alone', async () => {
    const paths = await workspace(true);
    const schema = await readFile(paths.schemaPath, 'utf8');
    await writeFile(
      paths.schemaPath,
      schema.replace('  passwordHash String', '  passwordHash String\n  pronouns String?'),
    );
    const now = new Date('2099-01-02T03:04:05Z');

    const result = await createMigration('Add user pronouns', { ...paths, now });

    expect(result.name).toBe('20990102030405_add_user_pronouns');
    expect(result.sql).toContain('ALTER TABLE "User" ADD COLUMN     "pronouns" TEXT;');
    expect(result.sql).not.toContain('CREATE TABLE');
    const names = (await readMigrations(paths.migrationsDir)).migrationDirectories.map((m) => m.path);
    expect(names.at(-1)).toBe(result.name);
    expect(await createMigration('again', { ...paths, now })).toEqual({ name: null, sql: null });
  });

  it('starts the history from an empty database, with no server', { timeout: 60_000 }, async () => {
    const { probeUrl: _, ...paths } = await workspace(false);
    const result = await createMigration('init', paths);
    expect(result.sql).toContain('CREATE TABLE "Message"');
    expect(await readFile(join(paths.migrationsDir, 'migration_lock.toml'), 'utf8')).toContain(
      'provider = "postgresql"',
    );
  });
});
