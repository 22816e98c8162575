import { parseArgs } from 'node:util';
import { ensureDatabase } from '../database-admin';
import { migrate } from '../migrate';
import { createMigration } from '../migrations/create';

// Usage:
//   npm run db:migrate                     apply pending migrations to DATABASE_URL (creating the database)
//   npm run db:migrate -- --create <name>  write a new migration from schema.prisma changes (no database needed)
const { values } = parseArgs({ options: { create: { type: 'string' } } });
const say = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  if (values.create !== undefined) {
    const { name } = await createMigration(values.create);
    say(
      name ? `Created prisma/migrations/${name}/migration.sql` : 'schema.prisma has no changes to migrate.',
    );
    return;
  }
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error('DATABASE_URL is not set — e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/spotter');
  if (await ensureDatabase(url)) say(`Created database ${new URL(url).pathname.slice(1)}.`);
  const { applied } = await migrate(url);
  say(applied.length ? `Applied ${applied.join(', ')}.` : 'Database is up to date.');
}

main().catch((error: unknown) => {
  process.stderr.write(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
