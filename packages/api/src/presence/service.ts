import { publishSafely } from '../bus/publish-safely';
import type { PresenceChange } from '../bus/topics';
import { topics } from '../bus/topics';
import type { EventBus } from '../bus/types';
import type { ServerDeps } from '../context';
import { AppError } from '../errors';
import { createMemoryPresenceStore } from './memory-store';
import { createRedisPresenceStore } from './redis-store';
import { type Activity, type ManualMode, modeFromColumn, modeToColumn } from './status';
import type { LocalConnection, PresenceStore } from './store';
import { createTokenBucket, type TokenBucket } from './token-bucket';
import { createPresenceWatchers, type PresenceWatchers } from './watchers';

/** Presence changes one connection may make: a burst of 10, then one every 3 s. */
export const PRESENCE_RATE = { capacity: 10, refillMs: 3_000 } as const;
/**
 * Status changes over HTTP have no connection to keep their bucket on, so they are kept per user here;
 * past this many, the full ones (users who have not changed their status for half a minute) go.
 */
const HTTP_BUCKETS_SWEEP_ABOVE = 10_000;

function dropFullBuckets(buckets: Map<string, TokenBucket>) {
  for (const [key, bucket] of buckets) if (bucket.isFull()) buckets.delete(key);
}

/** `bucket` is made at the connection's first change: most connections never make one (memory per socket). */
type Held = LocalConnection & { bucket?: TokenBucket; queue: Promise<unknown> };

/**
 * The presence of the connections this process holds. Every change of a user's shown status is
 * ONE publish on the user's topic, whoever watches it; each replica subscribes (refcounted by the
 * bus) to the users its clients may see.
 */
export type PresenceService = {
  /** A WebSocket connection of `userId` opened (active until its tab says otherwise). */
  connect(userId: string, connectionId: string): void;
  disconnect(connectionId: string): void;
  /** What a connection's tab reports: input within the idle timeout, or not. */
  setActivity(userId: string, connectionId: string | undefined, activity: Activity): Promise<void>;
  /** The status menu; durable (User.presenceMode). `rateKey`: the connection, or the user over HTTP. */
  setMode(userId: string, rateKey: string, mode: ManualMode): Promise<void>;
  readonly store: PresenceStore;
  readonly watchers: PresenceWatchers;
  close(): Promise<void>;
};

function createPresenceService(deps: ServerDeps): PresenceService {
  const held = new Map<string, Held>();
  /** Connections held per user, so a disconnect knows whether it was the user's last one here without a scan. */
  const heldPerUser = new Map<string, number>();
  const httpBuckets = new Map<string, TokenBucket>();
  const announce = (change: PresenceChange | null) => {
    if (change) void publishSafely(deps, topics.presence(change.userId), change);
  };
  const hooks = {
    onSettled: (changes: PresenceChange[]) => changes.forEach(announce),
    localConnections: () =>
      [...held.values()].map(({ userId, connectionId, activity }) => ({ userId, connectionId, activity })),
    loadModes: async (userIds: readonly string[]) => {
      const rows = await deps.prisma.user.findMany({
        where: { id: { in: [...userIds] } },
        select: { id: true, presenceMode: true },
      });
      return new Map(rows.map((row) => [row.id, modeFromColumn(row.presenceMode)]));
    },
  };
  const store = deps.bus.redisUrl
    ? createRedisPresenceStore({ url: deps.bus.redisUrl, logger: deps.logger, hooks })
    : createMemoryPresenceStore(hooks);

  /** Runs a connection's store calls one after another, so a quick close never overtakes its open. */
  const inFlight = new Set<Promise<unknown>>();
  const enqueue = (connection: Held, work: () => Promise<PresenceChange | null>) => {
    const next = connection.queue.then(work).then(announce, (err: Error) => {
      deps.logger.debug({ err: err.message }, 'presence update failed; the heartbeat re-registers');
    });
    connection.queue = next;
    inFlight.add(next);
    void next.finally(() => inFlight.delete(next));
    return next;
  };

  const spend = (bucket: TokenBucket) => {
    const waitMs = bucket.take();
    if (waitMs > 0)
      throw new AppError(
        'TOO_MANY_REQUESTS',
        `Too many presence changes. Try again in ${Math.ceil(waitMs / 1000)} s.`,
      );
  };

  return {
    store,
    watchers: createPresenceWatchers(deps.bus),
    connect(userId, connectionId) {
      const connection: Held = {
        userId,
        connectionId,
        activity: 'active',
        queue: Promise.resolve(),
      };
      if (!held.has(connectionId)) heldPerUser.set(userId, (heldPerUser.get(userId) ?? 0) + 1);
      held.set(connectionId, connection);
      void enqueue(connection, async () => {
        const modes = await hooks.loadModes([userId]);
        return store.connect(connection, modes.get(userId) ?? 'auto');
      });
    },
    disconnect(connectionId) {
      const connection = held.get(connectionId);
      if (!connection) return;
      held.delete(connectionId);
      const left = (heldPerUser.get(connection.userId) ?? 1) - 1;
      if (left > 0) heldPerUser.set(connection.userId, left);
      else heldPerUser.delete(connection.userId);
      const isLastHere = left === 0;
      void enqueue(connection, () => store.disconnect(connection, isLastHere));
    },
    async setActivity(userId, connectionId, activity) {
      const connection = connectionId ? held.get(connectionId) : undefined;
      if (!connection || connection.userId !== userId)
        throw new AppError('BAD_REQUEST', 'Activity is reported over the WebSocket connection it describes.');
      connection.bucket ??= createTokenBucket(PRESENCE_RATE);
      spend(connection.bucket);
      if (connection.activity === activity) return;
      connection.activity = activity;
      await enqueue(connection, () => store.setActivity(connection));
    },
    async setMode(userId, rateKey, mode) {
      const connection = held.get(rateKey);
      if (connection) connection.bucket ??= createTokenBucket(PRESENCE_RATE);
      let bucket = connection?.bucket ?? httpBuckets.get(rateKey);
      if (!bucket) {
        if (httpBuckets.size >= HTTP_BUCKETS_SWEEP_ABOVE) dropFullBuckets(httpBuckets);
        bucket = createTokenBucket(PRESENCE_RATE);
        httpBuckets.set(rateKey, bucket);
      }
      spend(bucket);
      await deps.prisma.user.update({ where: { id: userId }, data: { presenceMode: modeToColumn(mode) } });
      try {
        announce(await store.setMode(userId, mode));
      } catch (err) {
        // Saved: connections re-registered after the outage carry the mode from the database.
        deps.logger.warn({ err: (err as Error).message }, 'presence mode saved but not yet shown');
      }
    },
    async close() {
      // The disconnects of a drain reach Redis first, so friends see them after the grace period
      // rather than after the heartbeat's TTL.
      await Promise.allSettled([...inFlight]);
      await store.close();
    },
  };
}

// On globalThis: Next.js loads this package as several module copies in one process, and the
// WebSocket server and the HTTP route handlers must share one service (as they share the bus).
const servicesKey = Symbol.for('spotter.presence');
type ProcessGlobal = { [servicesKey]?: WeakMap<EventBus, PresenceService> };

function services(): WeakMap<EventBus, PresenceService> {
  const store = globalThis as ProcessGlobal;
  store[servicesKey] ??= new WeakMap();
  return store[servicesKey];
}

/** The presence service of the process's bus (one per bus, made on first use). */
export function presenceFor(deps: ServerDeps): PresenceService {
  let service = services().get(deps.bus);
  if (!service) {
    service = createPresenceService(deps);
    services().set(deps.bus, service);
  }
  return service;
}

/** Stops the presence service of `bus` (shutdown, tests): its timers and its Redis connection. */
export async function closePresence(bus: EventBus): Promise<void> {
  const service = services().get(bus);
  services().delete(bus);
  await service?.close();
}
