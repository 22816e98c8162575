import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { connectionOptions } from '../bus/redis-bus';
import { parseRedisUrl } from '../bus/redis-url';
import type { PresenceChange } from '../bus/topics';
import type { Logger } from '../logger';
import { KEY_PREFIX, SCRIPTS } from './redis-scripts';
import type { PresenceStatus } from './status';
import { OFFLINE_GRACE_MS, type PresenceStore, type StoreHooks } from './store';

/**
 * Liveness is the server's job, never the browser's (hidden tabs run timers about once a minute):
 * this replica pushes its deadline TTL_MS ahead every HEARTBEAT_MS; when it dies (SIGKILL), the
 * deadline passes and another replica's sweep, within SWEEP_MS, removes its connections. A user with
 * no other connection is offline for everyone within TTL_MS + SWEEP_MS (22 s) of the crash.
 */
export const PRESENCE_TIMING = { ttlMs: 20_000, heartbeatMs: 7_000, sweepMs: 2_000 } as const;
const READY_WAIT_MS = 3_000;

type ScriptName = keyof typeof SCRIPTS;
type Scripted = Redis & Record<`presence${ScriptName}`, (...args: (string | number)[]) => Promise<unknown>>;

/** Scaled mode: presence shared by every replica through Redis (see redis-scripts.ts for the keys). */
export function createRedisPresenceStore(options: {
  url: string;
  logger: Logger;
  hooks: StoreHooks;
  graceMs?: number;
}): PresenceStore {
  const { hooks } = options;
  const logger = options.logger.child({ component: 'presence' });
  const graceMs = options.graceMs ?? OFFLINE_GRACE_MS;
  // Each process is a new replica: a restarted one must not adopt the entries of its dead self.
  const replicaId = randomUUID();
  const redis = new Redis({
    ...connectionOptions(parseRedisUrl(options.url), 'spotter-presence'),
    // Presence is a snapshot of now: a command that could not run during an outage is stale by
    // the time Redis is back, and the heartbeat's re-registration writes the truth instead.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
  }) as Scripted;
  for (const [name, lua] of Object.entries(SCRIPTS))
    redis.defineCommand(`presence${name}`, { numberOfKeys: 0, lua });
  let isClosed = false;

  /** A store made on first use (the web app's first setStatus) sends before its connection is up: wait a little. */
  const ready = async () => {
    if (redis.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        redis.off('ready', onReady);
        reject(new Error(`presence: Redis (REDIS_URL) is not reachable (${redis.status})`));
      }, READY_WAIT_MS);
      const onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      redis.once('ready', onReady);
    });
  };

  const asChange = (userId: string, status: unknown): PresenceChange | null =>
    typeof status === 'string' ? { userId, status: status as PresenceStatus } : null;

  async function reregister() {
    const forgotten = (await redis.presenceFORGET(replicaId)) as string[];
    const connections = hooks.localConnections();
    const modes = await hooks.loadModes([...new Set(connections.map((c) => c.userId))]);
    const changes: PresenceChange[] = [];
    for (const c of connections) {
      const status = await redis.presenceCONNECT(
        c.userId,
        replicaId,
        c.connectionId,
        c.activity,
        modes.get(c.userId) ?? 'auto',
        graceMs,
      );
      const change = asChange(c.userId, status);
      if (change) changes.push(change);
    }
    const here = new Set(connections.map((c) => c.userId));
    for (const userId of forgotten) {
      if (here.has(userId)) continue;
      const change = asChange(userId, await redis.presenceSETTLE(userId, graceMs));
      if (change) changes.push(change);
    }
    logger.info({ connections: connections.length }, 're-registered this replica’s connections');
    if (changes.length > 0) hooks.onSettled(changes);
  }

  let isFirstBeat = true;
  async function heartbeat() {
    if (isClosed || redis.status !== 'ready') return;
    try {
      const added = await redis.presenceHEARTBEAT(replicaId, PRESENCE_TIMING.ttlMs);
      // A first beat re-registers only connections that arrived before Redis was reachable.
      if (added === 1 && (!isFirstBeat || hooks.localConnections().length > 0)) await reregister();
      isFirstBeat = false;
    } catch (err) {
      logger.debug({ err: (err as Error).message }, 'presence heartbeat failed');
    }
  }

  async function sweep() {
    if (isClosed || redis.status !== 'ready') return;
    try {
      const flat = (await redis.presenceSWEEP(20, 500)) as string[];
      const changes: PresenceChange[] = [];
      for (let i = 0; i < flat.length; i += 2) {
        const change = asChange(flat[i] as string, flat[i + 1]);
        if (change) changes.push(change);
      }
      if (changes.length > 0) hooks.onSettled(changes);
    } catch (err) {
      logger.debug({ err: (err as Error).message }, 'presence sweep failed');
    }
  }

  // After a reconnect, beat at once: if Redis restarted empty, re-register now, not in 7 s.
  redis.on('ready', () => void heartbeat());
  const beating = setInterval(() => void heartbeat(), PRESENCE_TIMING.heartbeatMs);
  const sweeping = setInterval(() => void sweep(), PRESENCE_TIMING.sweepMs);
  beating.unref();
  sweeping.unref();

  return {
    async connect(c, mode) {
      await ready();
      const status = await redis.presenceCONNECT(
        c.userId,
        replicaId,
        c.connectionId,
        c.activity,
        mode,
        graceMs,
      );
      return asChange(c.userId, status);
    },
    async setActivity(c) {
      await ready();
      const status = await redis.presenceCONNECT(
        c.userId,
        replicaId,
        c.connectionId,
        c.activity,
        '',
        graceMs,
      );
      return asChange(c.userId, status);
    },
    async disconnect(c, isLastHere) {
      await ready();
      const status = await redis.presenceDISCONNECT(
        c.userId,
        replicaId,
        c.connectionId,
        isLastHere ? '1' : '0',
        graceMs,
      );
      return asChange(c.userId, status);
    },
    async setMode(userId, mode) {
      await ready();
      return asChange(userId, await redis.presenceSET_MODE(userId, mode));
    },
    async shown(userIds) {
      const shown = new Map<string, PresenceStatus>();
      if (userIds.length === 0) return shown;
      await ready();
      const values = await redis.mget(userIds.map((id) => `${KEY_PREFIX}shown:${id}`));
      for (const [i, id] of userIds.entries())
        shown.set(id, (values[i] as PresenceStatus | null) ?? 'offline');
      return shown;
    },
    async close() {
      isClosed = true;
      clearInterval(beating);
      clearInterval(sweeping);
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
    },
  };
}
