import Redis from 'ioredis';
import { parseRedisUrl } from '../bus/redis-url';
import type { Logger } from '../logger';

/** A cache read waits at most this long for Redis before it asks the database instead. */
const COMMAND_TIMEOUT_MS = 1000;

/**
 * The cache's command connection. It fails fast (no offline queue, no retries): a cache that waits
 * for Redis is slower than the database it stands in front of. Logs one line per change of state.
 */
export function createCacheRedis(url: string, logger: Logger): Redis {
  const config = parseRedisUrl(url);
  const redis = new Redis({
    host: config.host,
    port: config.port,
    username: config.username,
    password: config.password,
    db: config.db,
    tls: config.tls,
    connectionName: 'spotter-cache',
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    commandTimeout: COMMAND_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(50 * 2 ** (attempt - 1), 2000) + Math.floor(Math.random() * 100),
  });
  let isDown = false;
  redis.on('error', (err: Error) => {
    if (isDown) return;
    isDown = true;
    logger.warn(
      { redis: config.address, reason: err.message },
      `the cache cannot reach Redis at ${config.address} (REDIS_URL); reads go to the database until it is back`,
    );
  });
  redis.on('ready', () => {
    if (!isDown) return;
    isDown = false;
    logger.info({ redis: config.address }, 'the cache reached Redis again');
  });
  return redis;
}
