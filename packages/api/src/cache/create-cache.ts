import { BentoCache, bentostore, errors } from 'bentocache';
import { memoryDriver } from 'bentocache/drivers/memory';
import type { CacheProvider } from 'bentocache/types';
import superjson from 'superjson';
import type { Logger } from '../logger';
import { type Metrics, metrics as processMetrics } from '../metrics';
import { CACHE_NAMESPACE_NAMES, CACHE_NAMESPACES, type CacheNamespace } from './namespaces';
import { createPendingBumps } from './pending-bumps';
import { createCacheRedis } from './redis-connection';
import { RedisLayer } from './redis-layer';
import type { Cache } from './types';
import { createMemoryVersions, createRedisVersions } from './versions';

export type CacheOptions = {
  /** REDIS_URL; without it the cache lives in this process's memory only (single-instance mode). */
  redisUrl?: string | undefined;
  logger: Logger;
  /** Where hits, misses and invalidations are counted (default: the process's metrics). */
  metrics?: Metrics;
  /** CACHE=off: every read loads from the database (the benchmark's baseline). Default true. */
  isEnabled?: boolean;
};

/**
 * The cache: bentocache with an in-process memory layer (L1) and, in scaled mode, Redis (L2) —
 * stampede protection (one load per key at a time), a grace period (a failing load is answered
 * with the last value of the same version) and TTLs per namespace.
 *
 * Consistency across replicas does not rely on bentocache's invalidation bus: pub/sub is
 * asynchronous, so replica B's memory could still hold the old value when A's edit returns. Instead
 * every key has a version in Redis (see versions.ts) and values are stored under `key#version`.
 * A read first asks Redis for the version (one small round trip), then bentocache for that exact
 * entry; an edit replaces the version after its commit and before it returns. Any read that starts
 * after the edit returned therefore sees the new version, and an entry for it can only have been
 * loaded after the version changed, i.e. after the commit. Old entries are never served; they age out.
 */
export function createCache(options: CacheOptions): Cache {
  if (options.isEnabled === false) return passThrough(options.redisUrl ? 'redis' : 'memory');
  const logger = options.logger.child({ component: 'cache' });
  const counted = options.metrics ?? processMetrics;
  const redis = options.redisUrl ? createCacheRedis(options.redisUrl, logger) : null;
  const versions = redis ? createRedisVersions(redis) : createMemoryVersions();
  const pending = createPendingBumps(versions, logger);
  if (redis) redis.on('ready', () => void pending.replay());

  const store = bentostore().useL1Layer(memoryDriver({ maxSize: '64mb', maxEntrySize: '1mb' }));
  if (redis) store.useL2Layer({ options: {}, factory: () => new RedisLayer(redis, 'spotter:cache:') });
  const bento = new BentoCache({
    default: 'spotter',
    stores: { spotter: store },
    logger,
    serializer: {
      serialize: (value) => superjson.stringify(value),
      deserialize: (raw) => superjson.parse(raw),
    },
    grace: '6h',
    graceBackoff: '30s',
    suppressL2Errors: true,
  });
  const providers = new Map<CacheNamespace, CacheProvider>(
    CACHE_NAMESPACE_NAMES.map((name) => [name, bento.namespace(name)]),
  );

  const versionKey = (namespace: CacheNamespace, key: string) => `${namespace}:${key}`;

  return {
    kind: redis ? 'redis' : 'memory',

    async get<T>(
      namespace: CacheNamespace,
      key: string,
      load: () => Promise<T | null>,
      { scope = key }: { scope?: string } = {},
    ) {
      const label = { namespace };
      let version: string;
      try {
        if (!versions.isReady() || pending.isReplaying()) throw new Error('versions unavailable');
        version = await versions.current(versionKey(namespace, scope));
      } catch {
        counted.cacheBypassed.inc(label);
        return load();
      }
      let hasLoaded = false;
      try {
        const value = await (providers.get(namespace) as CacheProvider).getOrSet<T | undefined>({
          key: scope === key ? `${key}#${version}` : `${scope}/${key}#${version}`,
          ttl: CACHE_NAMESPACES[namespace].ttl,
          factory: async (ctx) => {
            hasLoaded = true;
            const loaded = await load();
            return loaded === null ? ctx.skip() : loaded;
          },
        });
        (hasLoaded ? counted.cacheMisses : counted.cacheHits).inc(label);
        return value ?? null;
      } catch (error) {
        if (error instanceof errors.E_FACTORY_ERROR) throw error.cause;
        if (hasLoaded) throw error;
        counted.cacheBypassed.inc(label);
        return load();
      }
    },

    async invalidate(namespace, keys) {
      if (keys.length === 0) return;
      const full = keys.map((key) => versionKey(namespace, key));
      const isDone = await pending.bump(full);
      counted.cacheInvalidations.inc({ namespace, result: isDone ? 'ok' : 'failed' }, keys.length);
    },

    async close() {
      await bento.disconnect();
      redis?.disconnect();
    },
  };
}

/** No cache at all: every read asks the database, every invalidation is a no-op. */
function passThrough(kind: Cache['kind']): Cache {
  return {
    kind,
    get: (_namespace, _key, load) => load(),
    invalidate: async () => {},
    close: async () => {},
  };
}
