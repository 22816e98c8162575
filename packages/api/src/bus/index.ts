import type { Logger } from '../logger';
import { getProcessMemoryBus } from './memory-bus';
import { createRedisBus } from './redis-bus';
import type { EventBus } from './types';

/**
 * The bus for this process: Redis when REDIS_URL is given (scaled mode), otherwise the process-wide
 * memory bus (single-instance mode), with one warning, because a second replica would silently
 * split the event stream.
 */
export function createEventBus(options: { redisUrl?: string; logger: Logger }): EventBus {
  if (options.redisUrl) return createRedisBus({ url: options.redisUrl, logger: options.logger });
  options.logger.warn('REDIS_URL is not set: using the in-memory bus; this process must be the only replica');
  return getProcessMemoryBus({ logger: options.logger });
}
