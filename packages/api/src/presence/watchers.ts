import type { PresenceChange } from '../bus/topics';
import { topics } from '../bus/topics';
import type { EventBus } from '../bus/types';

type Watch = {
  readonly callbacks: Set<(change: PresenceChange) => void>;
  readonly stop: AbortController;
  ready: Promise<void>;
};

export type PresenceWatchers = {
  /**
   * Calls `onChange` with every change of `userId`'s presence until the returned function is called.
   * Resolves once the bus subscription is live, so a change published after that is delivered.
   */
  watch(userId: string, onChange: (change: PresenceChange) => void): Promise<() => void>;
};

/**
 * One bus subscription per watched user per process, however many local subscribers watch them:
 * a change is decoded once and handed to each subscriber synchronously.
 */
export function createPresenceWatchers(bus: EventBus): PresenceWatchers {
  const watches = new Map<string, Watch>();

  const start = (userId: string): Watch => {
    const stop = new AbortController();
    const entry: Watch = { callbacks: new Set(), stop, ready: Promise.resolve() };
    entry.ready = bus.subscribe(topics.presence(userId), { signal: stop.signal }).then((changes) => {
      void (async () => {
        for await (const change of changes) for (const callback of [...entry.callbacks]) callback(change);
      })();
    });
    entry.ready.catch(() => {
      if (watches.get(userId) === entry) watches.delete(userId);
    });
    watches.set(userId, entry);
    return entry;
  };

  return {
    async watch(userId, onChange) {
      const entry = watches.get(userId) ?? start(userId);
      entry.callbacks.add(onChange);
      const unwatch = () => {
        if (!entry.callbacks.delete(onChange) || entry.callbacks.size > 0) return;
        if (watches.get(userId) === entry) watches.delete(userId);
        entry.stop.abort();
      };
      try {
        await entry.ready;
      } catch (err) {
        unwatch();
        throw err;
      }
      return unwatch;
    },
  };
}
