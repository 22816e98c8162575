import {
  closePresence,
  collectProcessMetrics,
  createCache,
  createEventBus,
  createLimits,
  createLogger,
  EnvError,
  limitConfigFromEnv,
  stopOnSignals,
} from '@spotter/api';
import { createPrismaClient } from '@spotter/db';
import { type Env, loadEnv } from './env';
import { createRealtimeServer } from './server';

// The realtime replica process: validate the environment, serve, and drain on SIGTERM/SIGINT so a
// rolling restart moves clients to the other replicas instead of cutting them off.
let env: Env;
try {
  env = loadEnv();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  const logger = createLogger({ name: 'realtime' });
  for (const problem of error.problems) logger.fatal(problem);
  logger.fatal('the realtime server cannot start; fix the environment above (see .env.example)');
  process.exit(1);
}

collectProcessMetrics();
const logger = createLogger({
  name: 'realtime',
  level: env.LOG_LEVEL,
  pretty: env.NODE_ENV === 'development',
}).child({ replica: env.REPLICA_ID });
const prisma = createPrismaClient(env.DATABASE_URL);
const bus = createEventBus({ redisUrl: env.REDIS_URL, logger });
const cache = createCache({ redisUrl: env.REDIS_URL, logger, isEnabled: env.CACHE === 'on' });
const limits = createLimits({ config: limitConfigFromEnv(env), redisUrl: env.REDIS_URL, logger });
const server = createRealtimeServer({
  deps: { prisma, bus, cache, logger, authSecret: env.NEXTAUTH_SECRET, limits },
  trustedProxies: env.TRUSTED_PROXIES,
  port: env.PORT,
  host: env.HOST,
  logger,
  replicaId: env.REPLICA_ID,
  drainTimeoutMs: env.DRAIN_TIMEOUT_MS,
  allowedOrigins: env.ALLOWED_ORIGINS,
});

stopOnSignals({
  logger,
  // The drain has its own timeout; this covers closing the bus and the database after it.
  forceExitMs: env.DRAIN_TIMEOUT_MS + 5_000,
  async stop() {
    const { remaining } = await server.drain();
    await server.close();
    await closePresence(bus);
    await Promise.allSettled([bus.close(), cache.close(), limits.close(), prisma.$disconnect()]);
    logger.info({ closedWhileConnected: remaining }, 'stopped');
  },
});

try {
  const { port } = await server.listen();
  logger.info(
    { port, url: `ws://${env.HOST}:${port}/ws`, allowedOrigins: env.ALLOWED_ORIGINS },
    'realtime listening',
  );
} catch (err) {
  logger.fatal({ err, port: env.PORT, host: env.HOST }, 'cannot listen; is the port taken? (PORT, HOST)');
  process.exit(1);
}
