import Redis, { type RedisOptions } from 'ioredis';
import type { Logger } from '../logger';
import { type Metrics, metrics as processMetrics } from '../metrics';
import { createListener, DEFAULT_MAX_QUEUED, type Listener } from './listener';
import { watchConnections } from './redis-health';
import { parseRedisUrl, type RedisConnectionConfig } from './redis-url';
import {
  decodeEnvelope,
  encodeEnvelope,
  isDurable,
  type Topic,
  type TopicKind,
  type TopicPayload,
} from './topics';
import type { EventBus } from './types';
import { createUnsentPublishes } from './unsent-publishes';

export type RedisBusOptions = {
  /** REDIS_URL: `redis[s]://[user:password@]host[:port][/db]`. */
  url: string;
  logger: Logger;
  /** A publish that Redis has not acknowledged by then rejects (the caller has committed; readers fill gaps). */
  publishTimeoutMs?: number;
  /** Per-listener queue bound; see ListenerOptions.maxQueued. */
  maxQueued?: number;
  /** How many failed durable publishes to keep for re-sending after an outage. */
  maxUnsent?: number;
  /** Where it counts publishes, failures, deliveries and drops (default: the process's metrics). */
  metrics?: Metrics;
};

const DEFAULT_MAX_UNSENT = 10_000;

/** One Redis channel with at least one local listener. */
type TopicEntry = {
  kind: TopicKind;
  listeners: Set<Listener<unknown>>;
  /** The SUBSCRIBE for this entry; every listener that joins while it is in flight awaits the same promise. */
  confirmed: Promise<unknown>;
};

/**
 * The event bus of scaled mode. Per instance (one per process): one command connection for PUBLISH
 * and one subscriber connection shared by every subscription. A topic is subscribed on its first
 * local listener and unsubscribed after its last; each message is decoded once and the same object
 * is pushed to every local listener. Publish rejects at once while Redis is unreachable instead of
 * queueing; `subscribe` resolves only once Redis has confirmed the SUBSCRIBE (during an outage it
 * waits for the reconnect, or until its signal aborts, which resolves it with an ended iterable).
 */
export function createRedisBus(options: RedisBusOptions): EventBus {
  const config = parseRedisUrl(options.url);
  const logger = options.logger.child({ component: 'bus' });
  const maxQueued = options.maxQueued ?? DEFAULT_MAX_QUEUED;
  const counted = options.metrics ?? processMetrics;
  const topics = new Map<string, TopicEntry>();
  let isClosed = false;

  const command = new Redis({
    ...connectionOptions(config, 'spotter-bus-publish'),
    // The caller has already committed to the database: fail fast, never replay a stale publish.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    commandTimeout: options.publishTimeoutMs ?? 2000,
    // The publishes of one event-loop turn (a batch of sends, a fan-out to notification streams) go
    // to Redis in one write instead of one each.
    enableAutoPipelining: true,
  });
  const subscriber = new Redis({
    ...connectionOptions(config, 'spotter-bus-subscribe'),
    // A SUBSCRIBE issued during an outage waits for the reconnect rather than failing after N retries.
    maxRetriesPerRequest: null,
    autoResubscribe: true,
  });
  watchConnections([command, subscriber], config, logger, () => isClosed);
  const unsent = createUnsentPublishes(options.maxUnsent ?? DEFAULT_MAX_UNSENT, () => {
    counted.busDropped.inc({ reason: 'unsent-overflow' });
  });
  // Re-send durable publishes that failed while this connection was down. Subscribers also re-read
  // from the database when *their* connection recovers, but a publish that failed here after they
  // had recovered would otherwise reach them only with the channel's next event.
  command.on('ready', () => {
    void resendUnsent();
  });
  const resendUnsent = async () => {
    const pending = unsent.take();
    for (const [index, entry] of pending.entries()) {
      try {
        await command.publish(entry.topic, entry.raw);
        counted.eventsPublished.inc({ kind: 'resent' });
      } catch {
        unsent.putBack(pending.slice(index));
        return;
      }
    }
    if (pending.length > 0)
      logger.info({ resent: pending.length }, 're-sent publishes that failed during the outage');
  };
  const liveness = trackResubscription(subscriber);

  subscriber.on('message', (channel: string, raw: string) => {
    const entry = topics.get(channel);
    if (!entry) return; // a message already in flight when we unsubscribed
    counted.busReceived.inc();
    const decoded = decodeEnvelope(entry.kind, raw);
    if (!decoded.ok) {
      counted.busDropped.inc({ reason: 'undecodable' });
      logger.warn({ topic: channel, reason: decoded.error }, 'dropped a bus message that cannot be decoded');
      return;
    }
    if (decoded.publishedAt !== null)
      counted.fanoutLatency.observe((Date.now() - decoded.publishedAt) / 1000);
    for (const listener of entry.listeners) listener.push(decoded.payload);
  });

  const release = (name: string, entry: TopicEntry, listener: Listener<unknown>) => {
    entry.listeners.delete(listener);
    if (entry.listeners.size > 0 || topics.get(name) !== entry || isClosed) return;
    topics.delete(name);
    // Commands on one connection are answered in order, so a SUBSCRIBE sent after this one wins.
    subscriber.unsubscribe(name).catch((err: Error) => {
      logger.debug({ topic: name, reason: err.message }, 'UNSUBSCRIBE failed');
    });
  };

  const join = (name: string, kind: TopicKind, listener: Listener<unknown>): TopicEntry => {
    let entry = topics.get(name);
    if (!entry) {
      const created: TopicEntry = { kind, listeners: new Set(), confirmed: subscriber.subscribe(name) };
      created.confirmed.catch(() => {
        // Let the next subscriber try again instead of awaiting a failed promise forever.
        if (topics.get(name) === created) topics.delete(name);
      });
      topics.set(name, created);
      entry = created;
    }
    entry.listeners.add(listener);
    return entry;
  };

  return {
    kind: 'redis',
    redisUrl: options.url,
    async publish<K extends TopicKind>(topic: Topic<K>, payload: TopicPayload<K>) {
      const raw = encodeEnvelope(topic.kind, payload);
      try {
        if (isClosed) throw new Error('the event bus is closed');
        if (command.status !== 'ready') throw new Error(`not connected (${command.status})`);
        await command.publish(topic.name, raw);
        counted.eventsPublished.inc({ kind: topic.kind });
      } catch (err) {
        counted.publishFailures.inc();
        if (!isClosed && isDurable(topic.kind)) unsent.remember({ topic: topic.name, raw });
        const reason = (err as Error).message;
        throw new Error(`publish to ${topic.name} failed (Redis at ${config.address}): ${reason}`, {
          cause: err,
        });
      }
    },
    async subscribe<K extends TopicKind>(topic: Topic<K>, { signal }: { signal: AbortSignal }) {
      if (isClosed) throw new Error(`the event bus is closed; cannot subscribe to ${topic.name}`);
      const name = topic.name;
      const listener: Listener<TopicPayload<K>> = createListener({
        signal,
        maxQueued,
        onEnd: () => release(name, entry, listener as Listener<unknown>),
        onOverflow: (isFirst) => {
          counted.busDropped.inc({ reason: 'slow-listener' });
          if (isFirst)
            logger.warn({ topic: name, maxQueued }, 'bus listener fell behind; dropping its oldest events');
        },
      });
      if (listener.isEnded) return listener.iterable;
      const entry = join(name, topic.kind, listener as Listener<unknown>);
      try {
        await untilEnded(listener, entry.confirmed);
        // A topic subscribed before an outage is confirmed already; wait for ioredis' re-SUBSCRIBE.
        await untilEnded(listener, liveness.untilLive());
      } catch (err) {
        listener.end();
        throw new Error(
          `subscribe to ${name} failed (Redis at ${config.address}): ${(err as Error).message}`,
          {
            cause: err,
          },
        );
      }
      return listener.iterable;
    },
    isReady: () => !isClosed && command.status === 'ready' && subscriber.status === 'ready',
    onLive: (listener) => liveness.onLive(listener),
    async close() {
      if (isClosed) return;
      isClosed = true;
      for (const entry of [...topics.values()]) for (const listener of [...entry.listeners]) listener.end();
      topics.clear();
      await Promise.all([command, subscriber].map(quit));
    },
  };
}

export function connectionOptions(config: RedisConnectionConfig, connectionName: string): RedisOptions {
  return {
    host: config.host,
    port: config.port,
    username: config.username,
    password: config.password,
    db: config.db,
    tls: config.tls,
    connectionName,
    // Back off to at most 2 s: a restarted Redis should carry events again within a couple of seconds.
    retryStrategy: (attempt) => Math.min(50 * 2 ** (attempt - 1), 2000) + Math.floor(Math.random() * 100),
  };
}

/**
 * Tracks whether ioredis has re-subscribed after a reconnect. It re-sends SUBSCRIBE for the old
 * channels before it emits "ready" (events are deferred a tick), so a PING sent on "ready" is answered
 * after those confirmations.
 */
function trackResubscription(subscriber: Redis): {
  untilLive(): Promise<void>;
  onLive(listener: () => void): () => void;
} {
  let epoch = 0;
  let live = deferred();
  let isLive = false;
  let hasBeenLive = false;
  const listeners = new Set<() => void>();
  subscriber.on('close', () => {
    epoch++;
    if (!isLive) return;
    isLive = false;
    live = deferred();
  });
  subscriber.on('ready', () => {
    const readyEpoch = ++epoch;
    subscriber.ping().then(
      () => {
        if (readyEpoch !== epoch || isLive) return;
        isLive = true;
        live.resolve();
        // The first time is the initial connect, not a recovery: nothing was missed.
        if (hasBeenLive) for (const listener of [...listeners]) listener();
        hasBeenLive = true;
      },
      () => {}, // the connection dropped again; the next "ready" retries
    );
  });
  return {
    untilLive: () => live.promise,
    onLive(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Waits for `promise`, or returns early when the listener ends (aborted signal, bus closed). */
async function untilEnded(listener: Listener<unknown>, promise: Promise<unknown>): Promise<void> {
  if (listener.isEnded) return;
  await Promise.race([promise, listener.ended]);
}

async function quit(connection: Redis): Promise<void> {
  if (connection.status !== 'ready') {
    connection.disconnect();
    return;
  }
  await connection.quit().catch(() => connection.disconnect());
}
