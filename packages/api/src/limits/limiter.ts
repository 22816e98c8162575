import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { connectionOptions } from '../bus/redis-bus';
import { watchConnections } from '../bus/redis-health';
import { parseRedisUrl } from '../bus/redis-url';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import { LIMIT_NAMES, LIMIT_TABLE, type LimitConfig, type LimitName } from './table';

/** The abuse limits of one process: every procedure reaches them through `ctx.limits`. */
export type Limits = {
  /** Spends one point of `name` for `key`; throws TOO_MANY_REQUESTS (with retryAfterMs) when none is left. */
  consume(name: LimitName, key: string): Promise<void>;
  /** Throws like `consume` when `key` has no point of `name` left, without spending one. */
  refuseIfSpent(name: LimitName, key: string): Promise<void>;
  /** Gives `key` its whole allowance back (a successful sign-in clears the failed ones). */
  reset(name: LimitName, key: string): Promise<void>;
  close(): Promise<void>;
};

type Limiter = RateLimiterMemory | RateLimiterRedis;

/** How long a limit check waits for Redis before the replica's own (insurance) limiter decides. */
const REDIS_TIMEOUT_MS = 500;

/**
 * The limits, shared by every replica through Redis when `redisUrl` is given: a flood spread over
 * replicas is counted as one. Each Redis limiter has an in-memory insurance limiter of the same
 * allowance, which decides while Redis is down (per replica then: limited, if more loosely), so an
 * outage never lifts the limits nor fails the calls. Without Redis (single-instance mode) the memory
 * limiters are the limits.
 */
export function createLimits(options: { config: LimitConfig; redisUrl?: string; logger: Logger }): Limits {
  let isClosed = false;
  let redis: Redis | null = null;
  if (options.redisUrl) {
    const config = parseRedisUrl(options.redisUrl);
    redis = new Redis({
      ...connectionOptions(config, 'spotter-limits'),
      // During an outage a check must not queue: it fails at once and the insurance limiter answers.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: REDIS_TIMEOUT_MS,
      // Every call checks a limit: the checks of one event-loop turn share one write to Redis.
      enableAutoPipelining: true,
    });
    watchConnections([redis], config, options.logger.child({ component: 'limits' }), () => isClosed);
  }
  const limiters = new Map<LimitName, Limiter>();
  for (const name of LIMIT_NAMES) {
    const { points, durationS } = options.config[name];
    const base = { points, duration: durationS, keyPrefix: `spotter:limit:${name}` };
    limiters.set(
      name,
      redis
        ? new RateLimiterRedis({
            ...base,
            storeClient: redis,
            rejectIfRedisNotReady: true,
            // A key that has spent its allowance is refused from this process's memory until its
            // window ends (Redis would refuse it as surely): a flood or a retry loop costs Redis
            // nothing after the allowance. Other replicas still ask Redis, so the limit stays shared.
            inMemoryBlockOnConsumed: points,
            insuranceLimiter: new RateLimiterMemory(base),
          })
        : new RateLimiterMemory(base),
    );
  }
  const limiterOf = (name: LimitName) => limiters.get(name) as Limiter;
  const refusal = (name: LimitName, msBeforeNext: number) => {
    const retryAfterMs = Math.max(1, Math.ceil(msBeforeNext));
    const seconds = Math.ceil(retryAfterMs / 1000);
    return new AppError('TOO_MANY_REQUESTS', `${LIMIT_TABLE[name].says} Try again in ${seconds} s.`, {
      retryAfterMs,
    });
  };

  return {
    async consume(name, key) {
      try {
        await limiterOf(name).consume(key);
      } catch (error) {
        if (error instanceof RateLimiterRes) throw refusal(name, error.msBeforeNext);
        throw error;
      }
    },
    async refuseIfSpent(name, key) {
      const state = await limiterOf(name).get(key);
      if (state && state.remainingPoints <= 0) throw refusal(name, state.msBeforeNext);
    },
    async reset(name, key) {
      await limiterOf(name).delete(key);
    },
    async close() {
      isClosed = true;
      redis?.disconnect();
    },
  };
}
