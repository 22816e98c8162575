import { createEventBus, createLogger } from '@spotter/api';
import { createPrismaClient } from '@spotter/db';
import { parseEnv } from './env';
import { createRealtimeServer } from './server';

// The realtime replica process: validate the environment, serve, and drain on SIGTERM/SIGINT so a
// rolling restart moves clients to the other replicas instead of cutting them off.
const parsed = parseEnv(process.env);
if (!parsed.ok) {
  const logger = createLogger({ name: 'realtime' });
  for (const problem of parsed.problems) logger.fatal(problem);
  logger.fatal('the realtime server cannot start; fix the environment above (see .env.example)');
  process.exit(1);
}
const { env } = parsed;

const logger = createLogger({
  name: 'realtime',
  level: env.LOG_LEVEL,
  pretty: env.NODE_ENV === 'development',
}).child({ replica: env.REPLICA_ID });
const prisma = createPrismaClient(env.DATABASE_URL);
const bus = createEventBus({ redisUrl: env.REDIS_URL, logger });
const server = createRealtimeServer({
  deps: { prisma, bus, logger, authSecret: env.NEXTAUTH_SECRET },
  port: env.PORT,
  host: env.HOST,
  logger,
  replicaId: env.REPLICA_ID,
  drainTimeoutMs: env.DRAIN_TIMEOUT_MS,
});

let isStopping = false;
async function shutdown(signal: NodeJS.Signals) {
  if (isStopping) {
    // A second signal means "now": skip the rest of the drain.
    logger.warn({ signal }, 'second signal during shutdown; exiting at once');
    process.exit(1);
  }
  isStopping = true;
  logger.info({ signal }, 'shutting down');
  const { remaining } = await server.drain();
  await server.close();
  await Promise.allSettled([bus.close(), prisma.$disconnect()]);
  logger.info({ closedWhileConnected: remaining }, 'stopped');
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

try {
  const { port } = await server.listen();
  logger.info({ port, url: `ws://${env.HOST}:${port}/ws` }, 'realtime listening');
} catch (err) {
  logger.fatal({ err, port: env.PORT, host: env.HOST }, 'cannot listen; is the port taken? (PORT, HOST)');
  process.exit(1);
}
