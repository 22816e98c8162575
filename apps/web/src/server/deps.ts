import { join } from 'node:path';
import {
  appRouter,
  createCallerFactory,
  createEventBus,
  createHttpHandler,
  createLimits,
  createLogger,
  databaseAvatarStore,
  type Logger,
  limitConfigFromEnv,
  signInWithinLimits,
} from '@spotter/api';
import { createPrismaClient, startEmbeddedPostgres } from '@spotter/db';
import type { WebEnv } from '../env';
import type { WebRuntime } from './runtime';

/** See createPrismaClient: long enough for a queue of a few hundred sends on the embedded database. */
const EMBEDDED_TRANSACTION_WAIT_MS = 30_000;

/** The process logger: readable lines in development, JSON in production. */
export function createWebLogger(env?: Pick<WebEnv, 'LOG_LEVEL' | 'NODE_ENV'>): Logger {
  return createLogger({
    name: 'web',
    level: env?.LOG_LEVEL ?? 'info',
    pretty: env?.NODE_ENV !== 'production',
  });
}

/**
 * Builds the ServerDeps (database, bus, logger, secret) and what Next's bundles need from the API.
 * Called once, by server.ts; the result is shared through installWebRuntime (see runtime.ts).
 * With no DATABASE_URL, an embedded PostgreSQL is started under SPOTTER_DATA_DIR.
 */
export async function createWebRuntime(env: WebEnv, logger: Logger): Promise<WebRuntime> {
  const embedded = env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({ dataDir: join(env.SPOTTER_DATA_DIR, 'pglite'), logger });
  const database = embedded
    ? { kind: 'embedded' as const, url: embedded.url }
    : { kind: 'postgres' as const, url: env.DATABASE_URL as string };
  // The embedded database serves one transaction at a time: a burst of sends queues there, so give a
  // transaction longer to start than Prisma's 2 s rather than fail a send a user is waiting on.
  const prisma = createPrismaClient(
    database.url,
    embedded
      ? { transactionMaxWaitMs: EMBEDDED_TRANSACTION_WAIT_MS, connectionWaitMs: EMBEDDED_TRANSACTION_WAIT_MS }
      : {},
  );
  const bus = createEventBus({ redisUrl: env.REDIS_URL, logger });
  const limits = createLimits({ config: limitConfigFromEnv(env), redisUrl: env.REDIS_URL, logger });
  const deps = { prisma, bus, logger, authSecret: env.NEXTAUTH_SECRET, limits };
  const createCaller = createCallerFactory(appRouter);

  return {
    env,
    logger,
    deps,
    database,
    handleTrpcRequest: createHttpHandler(deps),
    callerFor: (session) => createCaller({ ...deps, session }),
    authenticate: (credentials, clientIp) => signInWithinLimits(deps, credentials, clientIp),
    avatars: databaseAvatarStore(prisma),
    async close() {
      await Promise.allSettled([bus.close(), limits.close(), prisma.$disconnect()]);
      await embedded?.stop();
    },
  };
}
