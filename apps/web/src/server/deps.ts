import { join } from 'node:path';
import {
  announceRevoked,
  appRouter,
  createCache,
  createCallerFactory,
  createEventBus,
  createHttpHandler,
  createLimits,
  createLogger,
  databaseAvatarStore,
  isSessionLive,
  type Logger,
  limitConfigFromEnv,
  openSignInSession,
  revokeSignIns,
  SESSION_MAX_AGE_SECONDS,
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
      ? {
          transactionMaxWaitMs: EMBEDDED_TRANSACTION_WAIT_MS,
          connectionWaitMs: EMBEDDED_TRANSACTION_WAIT_MS,
          sharesOneSession: true,
        }
      : {},
  );
  const bus = createEventBus({ redisUrl: env.REDIS_URL, logger });
  const cache = createCache({ redisUrl: env.REDIS_URL, logger, isEnabled: env.CACHE === 'on' });
  const limits = createLimits({ config: limitConfigFromEnv(env), redisUrl: env.REDIS_URL, logger });
  const deps = { prisma, bus, cache, logger, authSecret: env.NEXTAUTH_SECRET, limits };
  const createCaller = createCallerFactory(appRouter);

  return {
    env,
    logger,
    deps,
    database,
    handleTrpcRequest: createHttpHandler(deps),
    callerFor: (session) => createCaller({ ...deps, session }),
    authenticate: (credentials, clientIp) => signInWithinLimits(deps, credentials, clientIp),
    sessionMaxAgeSeconds: SESSION_MAX_AGE_SECONDS,
    openSignIn: (userId, userAgent) => openSignInSession(prisma, userId, userAgent),
    isSessionLive: (session, sessionId) => isSessionLive(deps, session, sessionId),
    async revokeSignIn(userId, sessionId) {
      // Already revoked elsewhere ("sign out everywhere" first, then the button): nothing left to do.
      const sessionIds = await revokeSignIns(prisma, userId, { only: sessionId, isGoneOk: true });
      await announceRevoked(deps, { userId, sessionIds });
    },
    avatars: databaseAvatarStore(prisma),
    async close() {
      await Promise.allSettled([bus.close(), cache.close(), limits.close(), prisma.$disconnect()]);
      await embedded?.stop();
    },
  };
}
