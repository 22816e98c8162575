import type { L2CacheDriver } from 'bentocache/types';
import type Redis from 'ioredis';

/**
 * Bentocache's L2 layer on Spotter's own ioredis connection. Bentocache's bundled Redis driver
 * imports ioredis 5 from its own location and opens connections of its own; this keeps the cache
 * on the connection (and its fail-fast settings and health log) the process already has.
 */
export class RedisLayer implements L2CacheDriver {
  readonly type = 'l2' as const;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  namespace(namespace: string): RedisLayer {
    return new RedisLayer(this.redis, `${this.prefix}${namespace}:`);
  }

  async get(key: string) {
    return (await this.redis.get(this.prefix + key)) ?? undefined;
  }

  async pull(key: string) {
    return (await this.redis.getdel(this.prefix + key)) ?? undefined;
  }

  async set(key: string, value: string, ttl?: number) {
    const result = ttl
      ? await this.redis.set(this.prefix + key, value, 'PX', ttl)
      : await this.redis.set(this.prefix + key, value);
    return result === 'OK';
  }

  /** Nothing calls it: entries die by version and TTL. A SCAN over a shared Redis is not worth offering. */
  async clear() {
    throw new Error('The Spotter cache never clears Redis wholesale; bump versions instead.');
  }

  async delete(key: string) {
    return (await this.redis.unlink(this.prefix + key)) > 0;
  }

  async deleteMany(keys: string[]) {
    if (keys.length === 0) return true;
    return (await this.redis.unlink(...keys.map((key) => this.prefix + key))) > 0;
  }

  /** The connection belongs to the cache as a whole, which closes it. */
  async disconnect() {}
}
