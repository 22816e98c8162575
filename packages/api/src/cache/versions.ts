import { randomBytes } from 'node:crypto';
import type Redis from 'ioredis';

/**
 * The version of every cached key, kept where every replica reads it (Redis) or, in single-instance
 * mode, in this process. A cached value is stored under `key#version`, so an entry is served only
 * while its version is current: a write that replaces the version makes every older entry, in every
 * replica's memory and in Redis, unreachable at once — no message has to arrive anywhere.
 *
 * Versions are random tokens, not counters: after Redis restarts empty, a counter would start again
 * at a number some replica still holds in memory with old data; a fresh token never matches one.
 */
export type VersionStore = {
  /** The key's current version, created when it has none. Rejects when the store cannot answer. */
  current(key: string): Promise<string>;
  /** Gives each key a new version. Rejects when the store cannot answer. */
  bump(keys: readonly string[]): Promise<void>;
  /** False while the store is known to be unreachable (reads then skip the cache without waiting). */
  isReady(): boolean;
  /** How long the store has been unreachable (0 while it is reachable). */
  downForMs(): number;
  /** Resolves true once the store is reachable again, or false after `ms`. */
  whenReady(ms: number): Promise<boolean>;
};

/** Outlives any cached value (the longest TTL plus grace), so a version never expires under a live entry it guards. */
const VERSION_TTL_SECONDS = 2 * 24 * 60 * 60;
const VERSION_PREFIX = 'spotter:cache:version:';

const newVersion = () => randomBytes(9).toString('base64url');

export function createMemoryVersions(): VersionStore {
  const versions = new Map<string, string>();
  return {
    current(key) {
      let version = versions.get(key);
      if (version === undefined) {
        version = newVersion();
        versions.set(key, version);
      }
      return Promise.resolve(version);
    },
    bump(keys) {
      for (const key of keys) versions.set(key, newVersion());
      return Promise.resolve();
    },
    isReady: () => true,
    downForMs: () => 0,
    whenReady: () => Promise.resolve(true),
  };
}

/** Versions in Redis: one round trip per read (`SET NX GET`: read, or create if missing), one per write. */
export function createRedisVersions(redis: Redis): VersionStore {
  let downSince = 0;
  redis.on('ready', () => {
    downSince = 0;
  });
  const markDown = () => {
    if (downSince === 0) downSince = Date.now();
  };
  redis.on('close', markDown);
  redis.on('error', markDown);
  return {
    async current(key) {
      const candidate = newVersion();
      const existing = await redis.set(
        VERSION_PREFIX + key,
        candidate,
        'EX',
        VERSION_TTL_SECONDS,
        'NX',
        'GET',
      );
      return existing ?? candidate;
    },
    async bump(keys) {
      if (keys.length === 0) return;
      const pipeline = redis.pipeline();
      for (const key of keys) pipeline.set(VERSION_PREFIX + key, newVersion(), 'EX', VERSION_TTL_SECONDS);
      const results = await pipeline.exec();
      const failed = results?.find(([error]) => error);
      if (!results || failed) throw failed?.[0] ?? new Error('Redis did not run the version bump');
    },
    isReady: () => redis.status === 'ready',
    downForMs: () => (redis.status === 'ready' ? 0 : downSince === 0 ? 0 : Date.now() - downSince),
    whenReady(ms) {
      if (redis.status === 'ready') return Promise.resolve(true);
      return new Promise((resolve) => {
        const done = (isReady: boolean) => {
          clearTimeout(timer);
          redis.off('ready', onReady);
          resolve(isReady);
        };
        const onReady = () => done(true);
        const timer = setTimeout(() => done(false), ms);
        redis.on('ready', onReady);
      });
    },
  };
}
