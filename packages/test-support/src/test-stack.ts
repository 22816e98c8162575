import {
  createCache,
  createEventBus,
  createLimits,
  createLogger,
  type LimitConfig,
  limitConfig,
  type ServerDeps,
} from '@spotter/api';
import { createPrismaClient, type Database } from '@spotter/db';
import { createTestDatabase, type TestDatabase } from '@spotter/db/testing';
import { connectClient, type WsTestClient } from './client';
import { type RedisServer, startRedisServer } from './redis-server';
import { type Replica, type ReplicaOptions, startReplica } from './replica';
import { createUserWithToken } from './users';

/** The secret every test stack's replicas sign and check tokens with. */
export const TEST_SECRET = 'integration-test-secret-not-for-production';

/**
 * What most integration tests run against: a throwaway database, a redis-server of their own and
 * realtime replicas on both, as in production, with a Prisma client for setting up and checking.
 */
export type TestStack = {
  database: TestDatabase;
  redis: RedisServer;
  prisma: Database;
  replicas: Replica[];
  /** What the stack's replicas were started with: for another replica on the same database and Redis. */
  replicaOptions: ReplicaOptions;
  /** A user created straight in the database, with a token every replica accepts. */
  createUser(name: string): ReturnType<typeof createUserWithToken>;
  /** A client over one WebSocket (see connectClient), closed by `closeClients` or `stop`. */
  connect(url: string | (() => string), token?: string): WsTestClient;
  /** Closes the clients opened so far (after each test, so one test's sockets never reach the next). */
  closeClients(): Promise<void>;
  /** Stops everything and drops the database. */
  stop(): Promise<void>;
};

export type TestStackOptions = {
  /** How many replicas to start (default 2). */
  replicas?: number;
  /** Extra environment of every replica (e.g. a tighter rate limit). */
  env?: Record<string, string>;
  /** The PostgreSQL server to make the database on (a test's own, to stop it); default: the shared one. */
  postgresUrl?: string;
};

export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const database = await createTestDatabase(options.postgresUrl?.replace(/\/postgres$/, ''));
  const redis = await startRedisServer().catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  const replicaOptions: ReplicaOptions = {
    databaseUrl: database.url,
    redisUrl: redis.url,
    secret: TEST_SECRET,
    ...(options.env ? { env: options.env } : {}),
  };
  const started = await Promise.allSettled(
    Array.from({ length: options.replicas ?? 2 }, () => startReplica(replicaOptions)),
  );
  const replicas = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    // Nothing is left running behind a stack that could not start.
    await Promise.all(replicas.map((replica) => replica.stop()));
    await redis.stop();
    await database.drop();
    throw failed.reason;
  }
  const prisma = createPrismaClient(database.url);
  const clients: WsTestClient[] = [];
  const closeClients = async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  };
  return {
    database,
    redis,
    prisma,
    replicas,
    replicaOptions,
    createUser: (name) => createUserWithToken(prisma, TEST_SECRET, name),
    connect(url, token) {
      const client = connectClient(url, token);
      clients.push(client);
      return client;
    },
    closeClients,
    async stop() {
      await closeClients();
      await Promise.all(replicas.map((replica) => replica.stop()));
      await prisma.$disconnect();
      await redis.stop();
      await database.drop();
    },
  };
}

/** A web replica's dependencies, and a way to end its Redis connections. */
export type WebSide = ServerDeps & { close(): Promise<void> };

/**
 * The web app's side of a stack, as `createHttpHandler` (see httpClient) needs it: the same database
 * and its own Redis connections, as a web replica has in production. `close` ends those connections.
 */
export function startWebSide(
  stack: Pick<TestStack, 'prisma' | 'redis'>,
  limits: LimitConfig = limitConfig(),
): WebSide {
  const logger = createLogger({ name: 'web-under-test', level: 'silent' });
  const deps: ServerDeps = {
    prisma: stack.prisma,
    bus: createEventBus({ redisUrl: stack.redis.url, logger }),
    cache: createCache({ redisUrl: stack.redis.url, logger }),
    logger,
    authSecret: TEST_SECRET,
    limits: createLimits({ config: limits, redisUrl: stack.redis.url, logger }),
  };
  return {
    ...deps,
    async close() {
      await Promise.all([deps.bus.close(), deps.cache.close(), deps.limits.close()]);
    },
  };
}
