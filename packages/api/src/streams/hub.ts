import type { Database } from '@spotter/db';
import { topics } from '../bus/topics';
import type { EventBus } from '../bus/types';
import type { Cache } from '../cache/types';
import type { Logger } from '../logger';
import { metrics } from '../metrics';
import { keepWorkoutsClosed } from '../workouts/auto-close';
import type { StreamEvent } from './events';
import { readEvents, readHead, readLastSeqs } from './read';
import { keepWithinRetention } from './retention';

/** How many of each stream's newest events a process keeps for subscribers that join or lag. */
const RECENT_EVENTS = 256;
/** A publish that arrives ahead of its predecessor usually gets it within this long: wait before reading. */
const REORDER_WAIT_MS = 25;
/** Page size of a database read that fills a stream's gap. */
const FILL_PAGE = 500;
/** While the bus is down, each followed stream is polled this often (one query for all of them). */
const POLL_MS = 250;
/** A failed database read is retried after this long (the database may be restarting). */
const RETRY_MS = 1_000;

type Entry = {
  readonly streamId: string;
  readonly subscribers: Set<HubSubscriber>;
  /** Highest seq delivered to this process's subscribers; every seq up to it was delivered in order. */
  head: number;
  /** The newest delivered events, contiguous, ending at `head`. */
  recent: StreamEvent[];
  /** Events that arrived ahead of a missing predecessor, by seq. */
  early: Map<number, StreamEvent>;
  /** Resolves once `head` was read from the database. */
  ready: Promise<void>;
  /** Set when everything after `head` must be read from the database (not just a gap waited out). */
  mustRead: boolean;
  filling: Promise<void> | null;
  readonly stopBus: AbortController;
  isClosed: boolean;
};

export type BusState = 'up' | 'down';

/**
 * The process's view of every stream it has subscribers for: ONE bus subscription per stream, the
 * stream's events put in seq order once (an out-of-order or lost publish is read from the database
 * once per process, not once per subscriber), and the same event object handed to every local
 * subscriber. While the bus is down it polls the database for the followed streams, so
 * conversations go on at reduced speed, and it reads what was missed when the bus comes back.
 */
export type StreamHub = {
  /**
   * Adds a subscriber to a stream: every event after `joinedAt` is pushed to it, in seq order,
   * exactly once, synchronously as it is delivered. The caller catches up to `joinedAt` itself (see
   * follow.ts) and must call `leave()` when it is done, whichever way it ends.
   */
  join(streamId: string, subscriber: HubSubscriber): Promise<HubMembership>;
  /** Whether live events flow through the bus right now, and a way to hear of changes. */
  busState(): BusState;
  onBusState(listener: (state: BusState) => void): () => void;
  close(): void;
};

/** A local subscriber of a stream: it must not block (push hands over, it does not process). */
export type HubSubscriber = {
  push(event: StreamEvent): void;
  /** The hub is closing (shutdown, tests): end the subscription. */
  hubClosed(): void;
};

export type HubMembership = {
  joinedAt: number;
  /** Stops delivery to this subscriber and releases the stream when it was the last one. */
  leave(): void;
  /** Delivered events kept in memory (contiguous up to the hub's head), for cheap catch-up. */
  recent(): readonly StreamEvent[];
};

/** The auto-close sweep the hub runs invalidates the cached workouts it closes. */
type HubDeps = { prisma: Database; bus: EventBus; logger: Logger; cache: Cache };

function createStreamHub(deps: HubDeps): StreamHub {
  const { prisma, bus } = deps;
  const logger = deps.logger.child({ component: 'streams' });
  const entries = new Map<string, Entry>();
  const stateListeners = new Set<(state: BusState) => void>();
  let state: BusState = bus.isReady() ? 'up' : 'down';

  const deliver = (entry: Entry, event: StreamEvent) => {
    entry.head = event.seq;
    entry.recent.push(event);
    if (entry.recent.length > RECENT_EVENTS) entry.recent.shift();
    for (const subscriber of entry.subscribers) {
      try {
        subscriber.push(event);
      } catch (err) {
        // One subscriber's failure must not cost the others their event.
        logger.error({ stream: entry.streamId, err: (err as Error).message }, 'a subscriber failed an event');
      }
    }
  };

  /** Delivers `event` if it is next, keeps it if it is early, drops it if it was delivered. */
  const offer = (entry: Entry, event: StreamEvent) => {
    if (event.seq <= entry.head) return;
    if (event.seq > entry.head + 1) {
      entry.early.set(event.seq, event);
      return;
    }
    deliver(entry, event);
    for (let next = entry.early.get(entry.head + 1); next; next = entry.early.get(entry.head + 1)) {
      entry.early.delete(next.seq);
      deliver(entry, next);
    }
    for (const seq of entry.early.keys()) if (seq <= entry.head) entry.early.delete(seq);
  };

  const fill = (entry: Entry, reason: 'gap' | 'catch-up') => {
    if (reason === 'catch-up') entry.mustRead = true;
    entry.filling ??= runFill(entry).finally(() => {
      entry.filling = null;
    });
  };

  const runFill = async (entry: Entry) => {
    // A head that could not be read failed the subscribers that waited for it; nothing to fill.
    if (!(await isHeadKnown(entry))) return;
    // A gap is usually closed by the late publish a moment later: only read if it is still open.
    if (!entry.mustRead) await sleep(REORDER_WAIT_MS);
    while (!entry.isClosed && (entry.mustRead || entry.early.size > 0)) {
      entry.mustRead = false;
      const before = entry.head;
      try {
        const events = await readEvents(prisma, entry.streamId, { after: entry.head, limit: FILL_PAGE });
        for (const event of events) offer(entry, event);
        if (events.length === FILL_PAGE) entry.mustRead = true;
      } catch (err) {
        // Warn: a database outage shows here once a second, and so would an event row that no longer parses.
        logger.warn({ stream: entry.streamId, err: (err as Error).message }, 'gap fill failed; retrying');
        entry.mustRead = true;
        await sleep(RETRY_MS);
        continue;
      }
      if (entry.head > before) metrics.gapFills.inc({ reason: state === 'down' ? 'bus-down' : 'gap' });
      else if (!entry.mustRead) {
        // Nothing newer is committed, yet events ahead wait for a predecessor that cannot come
        // (publishes follow commits): drop them rather than read again and again.
        entry.early.clear();
      }
    }
  };

  /** The stream's one bus subscription, for as long as the entry lives; a failed SUBSCRIBE is retried. */
  const followBus = async (entry: Entry) => {
    while (!entry.isClosed) {
      try {
        const live = await bus.subscribe(topics.stream(entry.streamId), { signal: entry.stopBus.signal });
        // Offered events are compared with the head, so it must be known first.
        if (!(await isHeadKnown(entry))) return;
        // Whatever committed between reading the head and the SUBSCRIBE being confirmed.
        fill(entry, 'catch-up');
        for await (const { event } of live) {
          if (entry.isClosed) return;
          offer(entry, event);
          if (entry.early.size > 0) fill(entry, 'gap');
        }
      } catch (err) {
        if (!entry.isClosed)
          logger.warn(
            { stream: entry.streamId, err: (err as Error).message },
            'bus subscription failed; retrying',
          );
      }
      // The iterable ended (the bus closed) or the SUBSCRIBE failed: polling covers the meantime.
      if (!entry.isClosed) await sleep(RETRY_MS);
    }
  };

  const open = (streamId: string): Entry => {
    const entry: Entry = {
      streamId,
      subscribers: new Set(),
      head: 0,
      recent: [],
      early: new Map(),
      ready: Promise.resolve(),
      mustRead: false,
      filling: null,
      stopBus: new AbortController(),
      isClosed: false,
    };
    entry.ready = readHead(prisma, streamId).then((head) => {
      entry.head = Math.max(entry.head, head.lastSeq);
    });
    entries.set(streamId, entry);
    void followBus(entry);
    return entry;
  };

  const release = (entry: Entry, subscriber: HubSubscriber) => {
    entry.subscribers.delete(subscriber);
    if (entry.subscribers.size > 0 || entry.isClosed) return;
    entry.isClosed = true;
    entry.stopBus.abort();
    if (entries.get(entry.streamId) === entry) entries.delete(entry.streamId);
  };

  // Bus state, and polling while it is down: a check four times a second costs nothing, and the Redis
  // bus reports its readiness as a status, not as events. Recovery itself comes from bus.onLive.
  const stopOnLive = bus.onLive(() => {
    for (const entry of entries.values()) fill(entry, 'catch-up');
  });
  let isPolling = false;
  const tick = async () => {
    const next: BusState = bus.isReady() ? 'up' : 'down';
    if (next !== state) {
      state = next;
      logger.info(
        { bus: state },
        state === 'down' ? 'bus down: polling the database for live events' : 'bus up',
      );
      for (const listener of [...stateListeners]) listener(state);
    }
    if (state === 'up' || isPolling || entries.size === 0) return;
    isPolling = true;
    try {
      const lastSeqs = await readLastSeqs(prisma, [...entries.keys()]);
      for (const entry of entries.values()) {
        if ((lastSeqs.get(entry.streamId) ?? 0) > entry.head) fill(entry, 'catch-up');
      }
    } catch (err) {
      logger.debug({ err: (err as Error).message }, 'polling streams failed');
    } finally {
      isPolling = false;
    }
  };
  const timer = setInterval(() => void tick(), POLL_MS);
  timer.unref();
  // Every process that serves streams keeps the event log within retention.
  const stopRetention = keepWithinRetention({ prisma, logger });
  // And closes workouts left open 12 hours (they append to session streams when they close).
  const stopAutoClose = keepWorkoutsClosed({ prisma, bus, logger, cache: deps.cache });

  return {
    async join(streamId, subscriber) {
      let entry = entries.get(streamId);
      if (!entry || entry.isClosed) entry = open(streamId);
      const joinedEntry = entry;
      joinedEntry.subscribers.add(subscriber);
      try {
        await joinedEntry.ready;
      } catch (error) {
        // The last subscriber's end closes the entry, so the next join reads the head afresh.
        release(joinedEntry, subscriber);
        throw error;
      }
      return {
        joinedAt: joinedEntry.head,
        leave: () => release(joinedEntry, subscriber),
        recent: () => joinedEntry.recent,
      };
    },
    busState: () => state,
    onBusState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    close() {
      clearInterval(timer);
      stopRetention();
      stopAutoClose();
      stopOnLive();
      for (const entry of entries.values()) {
        entry.isClosed = true;
        entry.stopBus.abort();
        for (const subscriber of [...entry.subscribers]) subscriber.hubClosed();
      }
      entries.clear();
    },
  };
}

/** Whether the entry's head was read; a failed read already failed the subscribers waiting for it. */
function isHeadKnown(entry: Entry): Promise<boolean> {
  return entry.ready.then(
    () => true,
    () => false,
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const hubs = new WeakMap<EventBus, StreamHub>();

/** Closes the hub of `bus`, if it has one (tests, shutdown); the next streamHubFor makes a new one. */
export function closeStreamHub(bus: EventBus): void {
  hubs.get(bus)?.close();
  hubs.delete(bus);
}

/**
 * The hub of the process's bus: one per bus, so every context built from the same dependencies
 * (HTTP, WebSocket, tests' callers) shares it, and with it one bus subscription per stream.
 */
export function streamHubFor(deps: HubDeps): StreamHub {
  let hub = hubs.get(deps.bus);
  if (!hub) {
    hub = createStreamHub(deps);
    hubs.set(deps.bus, hub);
  }
  return hub;
}
