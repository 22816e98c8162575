/**
 * One local subscriber of a topic: a single-consumer async iterable over an internal queue.
 * Both buses push the very same payload object into every listener of a topic; nothing here copies it.
 */
export type Listener<T> = {
  /** Queues a payload; ignored once the listener has ended. */
  push(payload: T): void;
  /** Ends the iterable (pending and future `next()` calls report done) and runs `onEnd` once. */
  end(): void;
  readonly isEnded: boolean;
  /** Settles when the listener ends, whatever the cause (abort, consumer `return()`, bus close). */
  readonly ended: Promise<void>;
  readonly iterable: AsyncIterable<T>;
};

export type ListenerOptions = {
  signal: AbortSignal;
  /**
   * A consumer that falls this far behind loses its oldest queued payloads. Channel readers notice
   * the seq jump and fill the gap from the database; typing events are worthless when that late.
   */
  maxQueued: number;
  /** Runs once when a live listener ends; not at all when `signal` was already aborted at creation. */
  onEnd: () => void;
  /** Called for every payload shed; `isFirst` marks the start of an episode, so callers can log once. */
  onOverflow: (isFirst: boolean) => void;
};

export const DEFAULT_MAX_QUEUED = 1024;

/** Creates a listener that ends when `signal` aborts, when the consumer stops iterating, or on `end()`. */
export function createListener<T>(options: ListenerOptions): Listener<T> {
  const queue: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | undefined;
  let isEnded = false;
  let isOverflowing = false;
  let markEnded!: () => void;
  const ended = new Promise<void>((resolve) => {
    markEnded = resolve;
  });

  const end = () => {
    if (isEnded) return;
    isEnded = true;
    queue.length = 0;
    stopWatching();
    const resolve = waiting;
    waiting = undefined;
    resolve?.({ done: true, value: undefined });
    markEnded();
    options.onEnd();
  };

  const push = (payload: T) => {
    if (isEnded) return;
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve({ done: false, value: payload });
      return;
    }
    if (queue.length >= options.maxQueued) {
      queue.shift();
      options.onOverflow(!isOverflowing);
      isOverflowing = true;
    }
    queue.push(payload);
  };

  const iterator: AsyncIterator<T> = {
    next() {
      if (queue.length > 0) {
        const value = queue.shift() as T;
        if (queue.length === 0) isOverflowing = false;
        return Promise.resolve({ done: false, value });
      }
      if (isEnded) return Promise.resolve({ done: true, value: undefined });
      isOverflowing = false;
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
    return() {
      end();
      return Promise.resolve({ done: true, value: undefined });
    },
  };

  let stopWatching = () => {};
  if (options.signal.aborted) {
    // Never registered anywhere, so there is nothing for onEnd to release.
    isEnded = true;
    markEnded();
  } else {
    stopWatching = onAbort(options.signal, end);
  }

  return {
    push,
    end,
    get isEnded() {
      return isEnded;
    },
    ended,
    iterable: { [Symbol.asyncIterator]: () => iterator },
  };
}

type AbortFanout = { callbacks: Set<() => void>; fire: () => void };
const abortFanouts = new WeakMap<AbortSignal, AbortFanout>();

/**
 * One "abort" listener per signal, however many topics it subscribes: Node warns past 10 listeners
 * on one AbortSignal, and a subscription may well follow more topics than that.
 */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let fanout = abortFanouts.get(signal);
  if (!fanout) {
    const callbacks = new Set<() => void>();
    const fire = () => {
      abortFanouts.delete(signal);
      for (const fn of [...callbacks]) fn();
    };
    fanout = { callbacks, fire };
    abortFanouts.set(signal, fanout);
    signal.addEventListener('abort', fire, { once: true });
  }
  const current = fanout;
  current.callbacks.add(callback);
  return () => {
    current.callbacks.delete(callback);
    if (current.callbacks.size > 0 || abortFanouts.get(signal) !== current) return;
    abortFanouts.delete(signal);
    signal.removeEventListener('abort', current.fire);
  };
}
