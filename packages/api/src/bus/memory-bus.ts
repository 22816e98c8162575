import type { Logger } from '../logger';
import { type Metrics, metrics as processMetrics } from '../metrics';
import { createListener, DEFAULT_MAX_QUEUED, type Listener } from './listener';
import type { Topic, TopicKind, TopicPayload } from './topics';
import type { EventBus } from './types';

export type MemoryBusOptions = {
  /** Receives one warning per episode of a listener falling too far behind. */
  logger?: Logger;
  maxQueued?: number;
  /** Where it counts publishes, failures, deliveries and drops (default: the process's metrics). */
  metrics?: Metrics;
};

/**
 * An in-process bus for single-instance mode and tests. `subscribe` resolves at once; every
 * listener of a topic receives the very object that was published (never copied or serialized).
 * After `close()` every iterable has ended and publish/subscribe reject.
 */
export function createMemoryBus(options: MemoryBusOptions = {}): EventBus {
  const maxQueued = options.maxQueued ?? DEFAULT_MAX_QUEUED;
  const topics = new Map<string, Set<Listener<unknown>>>();
  const counted = options.metrics ?? processMetrics;
  let isClosed = false;

  return {
    kind: 'memory',
    async publish<K extends TopicKind>(topic: Topic<K>, payload: TopicPayload<K>) {
      if (isClosed) {
        counted.publishFailures.inc();
        throw new Error(`the event bus is closed; cannot publish to ${topic.name}`);
      }
      counted.eventsPublished.inc({ kind: topic.kind });
      const listeners = topics.get(topic.name);
      if (!listeners) return;
      counted.busReceived.inc();
      for (const listener of listeners) listener.push(payload);
    },
    async subscribe<K extends TopicKind>(topic: Topic<K>, { signal }: { signal: AbortSignal }) {
      if (isClosed) throw new Error(`the event bus is closed; cannot subscribe to ${topic.name}`);
      const listener: Listener<TopicPayload<K>> = createListener({
        signal,
        maxQueued,
        onEnd: () => {
          const listeners = topics.get(topic.name);
          listeners?.delete(listener as Listener<unknown>);
          if (listeners?.size === 0) topics.delete(topic.name);
        },
        onOverflow: (isFirst) => {
          counted.busDropped.inc({ reason: 'slow-listener' });
          if (isFirst) options.logger?.warn({ topic: topic.name, maxQueued }, 'bus listener fell behind');
        },
      });
      if (listener.isEnded) return listener.iterable;
      let listeners = topics.get(topic.name);
      if (!listeners) {
        listeners = new Set();
        topics.set(topic.name, listeners);
      }
      listeners.add(listener as Listener<unknown>);
      return listener.iterable;
    },
    isReady: () => !isClosed,
    // An in-process bus has no outages to recover from.
    onLive: () => () => {},
    async close() {
      isClosed = true;
      for (const listeners of [...topics.values()]) for (const listener of [...listeners]) listener.end();
      topics.clear();
    },
  };
}

const processBusKey = Symbol.for('spotter.memoryBus');
type ProcessGlobal = { [processBusKey]?: EventBus };

/**
 * The one memory bus of this process. Next.js loads this package as several module copies in one
 * process (custom server, route handlers); keeping the instance on `globalThis` is what lets an
 * event published by an HTTP mutation reach the WebSocket subscribers. A closed instance is replaced.
 */
export function getProcessMemoryBus(options: MemoryBusOptions = {}): EventBus {
  const store = globalThis as ProcessGlobal;
  const existing = store[processBusKey];
  if (existing?.isReady()) return existing;
  const bus = createMemoryBus(options);
  store[processBusKey] = bus;
  return bus;
}
