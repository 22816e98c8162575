import type { ServerDeps } from '@spotter/api';

/** A probe that hangs is as bad as a failed one: the orchestrator needs an answer within its own timeout. */
const DATABASE_PROBE_TIMEOUT_MS = 2000;

export type PartState = 'up' | 'down';
export type Readiness = { isReady: boolean; bus: PartState; database: PartState };

/**
 * Whether this replica can serve a subscription right now: the bus can deliver (Redis connections
 * up) and the database answers `SELECT 1`. Both are checked on every probe, never cached.
 */
export async function checkReadiness(deps: Pick<ServerDeps, 'bus' | 'prisma'>): Promise<Readiness> {
  const bus: PartState = deps.bus.isReady() ? 'up' : 'down';
  const database: PartState = (await databaseAnswers(deps.prisma)) ? 'up' : 'down';
  return { isReady: bus === 'up' && database === 'up', bus, database };
}

async function databaseAnswers(prisma: ServerDeps['prisma']): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), DATABASE_PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([prisma.$queryRaw`SELECT 1`.then(() => true), timedOut]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
