import type { Logger } from '../logger';
import type { VersionStore } from './versions';

/** How long an edit waits for a reconnecting Redis (ioredis retries at least every ~2.1 s here). */
const WAIT_FOR_READY_MS = 3000;
/** Past this, an outage is taken to be everyone's (reads skip the cache too) and edits stop waiting. */
const WAIT_WHILE_DOWN_FOR_MS = 10_000;

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
  const tryBump = (keys: readonly string[]) =>
    versions.bump(keys).then(
      () => true,
      () => false,
    );

  return {
    /** True when the bump reached the store; false when it was kept for later. */
    async bump(keys: readonly string[]): Promise<boolean> {
      if (await tryBump(keys)) return true;
      // Another replica may already be back on Redis while this one reconnects (Redis returning
      // after an outage, a connection reset): a bump kept for later would let it serve the old
      // value meanwhile. So a young outage is waited out, briefly, before the edit returns.
      if (versions.downForMs() < WAIT_WHILE_DOWN_FOR_MS && (await versions.whenReady(WAIT_FOR_READY_MS))) {
        if (await tryBump(keys)) return true;
      }
      for (const key of keys) pending.add(key);
      while (pending.size > MAX_PENDING) {
        const oldest = pending.values().next().value as string;
        pending.delete(oldest);
        logger.warn({ key: oldest }, 'too many cache invalidations waiting for Redis; dropped the oldest');
      }
      return false;
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
