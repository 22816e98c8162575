import type { Logger } from '../logger';
import type { VersionStore } from './versions';

/** More keys than this written during one outage: the oldest are forgotten (and logged), their entries age out by TTL. */
const MAX_PENDING = 10_000;

/**
 * Version bumps that Redis refused during an outage. Reads skip the cache while Redis is down, but
 * a network partition can leave Redis holding the old entries: when the connection is back, this
 * process bumps what it wrote meanwhile before it serves from the cache again. (Another replica may
 * read an old entry in the moment between its reconnect and this one's replay; a Redis that
 * restarted empty has no old entries at all.)
 */
export function createPendingBumps(versions: VersionStore, logger: Logger) {
  const pending = new Set<string>();
  let replaying: Promise<void> | null = null;

  return {
    /** True when the bump reached the store; false when it was kept for later. */
    async bump(keys: readonly string[]): Promise<boolean> {
      try {
        await versions.bump(keys);
        return true;
      } catch {
        for (const key of keys) pending.add(key);
        while (pending.size > MAX_PENDING) {
          const oldest = pending.values().next().value as string;
          pending.delete(oldest);
          logger.warn({ key: oldest }, 'too many cache invalidations waiting for Redis; dropped the oldest');
        }
        return false;
      }
    },
    isReplaying: () => replaying !== null,
    replay(): Promise<void> {
      if (pending.size === 0 || replaying) return replaying ?? Promise.resolve();
      const keys = [...pending];
      replaying = versions
        .bump(keys)
        .then(() => {
          for (const key of keys) pending.delete(key);
        })
        .catch((err: Error) =>
          logger.warn({ err, keys: keys.length }, 'cache invalidations still waiting for Redis'),
        )
        .finally(() => {
          replaying = null;
        });
      return replaying;
    },
  };
}
