import type { CacheNamespace } from './namespaces';

export type CacheKind = 'redis' | 'memory';

/**
 * Spotter's one cache. Reads go through `get` with the loader that answers from the database;
 * every write path of cached data calls `invalidate` after its commit and before it returns.
 */
export type Cache = {
  readonly kind: CacheKind;
  /**
   * The value under `key`: from memory or Redis while no write has invalidated it since it was
   * stored, otherwise from `load` (stored for the next read). `load` returning null means "nothing
   * there": passed on, never stored. Errors from `load` reach the caller unchanged. When Redis
   * cannot answer, `load` answers directly. With `scope`, the entry is invalidated with its scope
   * rather than by its own key (all of one user's workouts at once, say).
   */
  get<T>(
    namespace: CacheNamespace,
    key: string,
    load: () => Promise<T | null>,
    options?: { scope?: string },
  ): Promise<T | null>;
  /**
   * Makes every stored copy under these keys or scopes unreachable, on every replica, before it resolves. Never
   * rejects: while Redis is unreachable the keys are remembered and invalidated when it is back.
   */
  invalidate(namespace: CacheNamespace, keys: readonly string[]): Promise<void>;
  close(): Promise<void>;
};
