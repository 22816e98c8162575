import { seedDemoData } from '@spotter/api';
import { migrate } from '@spotter/db';
import type { WebRuntime } from './runtime';

/**
 * Single-instance mode owns its database: apply pending migrations (idempotent) and, on a database
 * without users, the demo data when it is wanted (development, or SPOTTER_DEMO_DATA=true: its
 * passwords are public). In scaled mode a one-shot migrate job does this, not every replica.
 */
export async function prepareDatabase({ env, deps, database, logger }: WebRuntime): Promise<void> {
  if (env.mode === 'scaled') return;
  const { applied } = await migrate(database.url);
  if (applied.length > 0) logger.info({ applied }, 'applied database migrations');
  else logger.info('database schema is up to date');

  if (!env.seedDemoData || (await deps.prisma.user.count()) > 0) return;
  await seedDemoData(deps.prisma);
  logger.info('seeded demo data: alice@, bob@ and carol@spotter.dev (password "spotter-demo")');
}
