import { randomUUID } from 'node:crypto';
import { createPrismaClient, type Database, type PrismaClientOptions } from '@spotter/db';
// Brings the vitest `inject('databaseUrl')` typing along with the harness.
import { testIdentity } from '@spotter/db/testing';
import { issueSessionToken } from '../auth/session-token';
import { createMemoryBus } from '../bus/memory-bus';
import type { EventBus } from '../bus/types';
import { createCache } from '../cache/create-cache';
import type { Cache } from '../cache/types';
import type { Auth, Session } from '../context';
import { openSignInSession } from '../credentials/sign-in-sessions';
import { createLimits } from '../limits/limiter';
import { LIMIT_NAMES, type LimitConfig, limitConfig } from '../limits/table';
import { createLogger } from '../logger';
import { appRouter } from '../root';
import { closeStreamHub } from '../streams/hub';
import { createCallerFactory } from '../trpc';

const createCaller = createCallerFactory(appRouter);

export const TEST_AUTH_SECRET = 'test-secret-not-for-production-0123456789';

/**
 * Everything a router test needs: a real database (the one the global setup migrated), a fresh
 * in-memory bus, and callers acting as freshly created users. Names are unique per call, so test
 * files can share the database.
 */
export function createApiHarness(
  databaseUrl: string,
  options: {
    bus?: EventBus;
    cache?: Cache;
    database?: PrismaClientOptions;
    limits?: Partial<LimitConfig>;
  } = {},
) {
  const prisma: Database = createPrismaClient(databaseUrl, options.database);
  const bus: EventBus = options.bus ?? createMemoryBus();
  const logger = createLogger({ name: 'test', level: 'silent' });
  // Memory-only, as in single-instance mode; each harness has its own, so tests never share entries.
  const cache: Cache = options.cache ?? createCache({ logger });
  const limits = createLimits({ config: relaxedLimits(options.limits), logger });
  const deps = { prisma, bus, cache, logger, authSecret: TEST_AUTH_SECRET, limits };

  return {
    prisma,
    bus,
    deps,
    anonymous: () => createCaller({ ...deps, session: null }),
    /** A caller as this user; subscriptions it opens end when `signal` aborts, as on a real socket. */
    callerFor: (session: Session, signal?: AbortSignal) => createCaller({ ...deps, session }, { signal }),
    /** A caller as the servers make it for this credential (a sign-in's or an API token's). */
    callerWith: (session: Session, auth: Auth) => createCaller({ ...deps, session, auth }),
    /** A registered browser sign-in of this user: its session id and its JWT (cookie or bearer). */
    async signIn(session: Session, userAgent = 'test') {
      const { sessionId } = await openSignInSession(prisma, session.userId, userAgent);
      return { sessionId, token: await issueSessionToken(session, sessionId, TEST_AUTH_SECRET) };
    },
    /** Creates a user directly in the database and returns a caller acting as them. */
    async createUser(name = 'Tester') {
      const { email, username } = testIdentity(name);
      const user = await prisma.user.create({ data: { email, username, name, passwordHash: 'not-a-login' } });
      const session: Session = { userId: user.id, name, email };
      return { session, username, caller: createCaller({ ...deps, session }) };
    },
    uniqueName: (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`,
    close: async () => {
      closeStreamHub(bus);
      await limits.close();
      await bus.close();
      await cache.close();
      await prisma.$disconnect();
    },
  };
}

export type ApiHarness = ReturnType<typeof createApiHarness>;

/**
 * Limits a thousand times the defaults, so tests that post in bursts are never limited by accident;
 * a test of a limit passes the small allowance it tests, which applies as given.
 */
function relaxedLimits(overrides: Partial<LimitConfig> = {}): LimitConfig {
  const config = limitConfig();
  for (const name of LIMIT_NAMES) config[name] = { ...config[name], points: config[name].points * 1000 };
  return { ...config, ...overrides };
}
