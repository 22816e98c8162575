import pg from 'pg';
import { withSchemaEngine } from './migrations/engine';
import { MIGRATIONS_DIR, readMigrations } from './migrations/files';

// Any constant distinct from the key Prisma's engine itself uses (72707369), or the engine's own
// lock attempt on its separate connection would wait for ours forever.
const MIGRATE_LOCK_KEY = 0x5370_7464;

// Advisory locks do not exclude anything on embedded PGlite (every connection shares one session), so
// calls in this process also queue here; on globalThis because Next.js loads this module twice.
const QUEUE = Symbol.for('spotter.db.migrateQueue');
const registry = globalThis as { [QUEUE]?: Promise<unknown> };

/**
 * Applies every migration in `prisma/migrations` that `databaseUrl` has not seen, recording them in
 * `_prisma_migrations` exactly as `prisma migrate deploy` does. Idempotent, and safe to call from
 * several processes at once: they queue on an advisory lock and the later ones find nothing to do.
 */
export function migrate(databaseUrl: string, migrationsDir = MIGRATIONS_DIR): Promise<{ applied: string[] }> {
  const run = (registry[QUEUE] ?? Promise.resolve())
    .catch(() => {})
    .then(() => migrateLocked(databaseUrl, migrationsDir));
  registry[QUEUE] = run;
  return run;
}

async function migrateLocked(databaseUrl: string, migrationsDir: string): Promise<{ applied: string[] }> {
  const migrationsList = await readMigrations(migrationsDir);
  const lock = new pg.Client({ connectionString: databaseUrl });
  // If the server goes away while this connection idles under the engine's work, the engine's own
  // connection fails the migration; an unhandled 'error' event here would kill the process instead.
  lock.on('error', () => {});
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK_KEY]);
    const output = await withSchemaEngine(databaseUrl, (engine) =>
      engine.applyMigrations({ migrationsList, filters: { externalTables: [], externalEnums: [] } }),
    );
    return { applied: output.appliedMigrationNames };
  } finally {
    // Ending the session releases the lock even if the unlock query never ran.
    await lock.end();
  }
}
