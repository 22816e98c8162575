import type { TrackedEnvelope } from '@trpc/server';
import { AppError } from '../errors';

/** Marks a subscription result that can push its items to a sink instead of being iterated. */
const PUSH = Symbol.for('spotter.push-feed');

/** Where a pushed feed's items go, each with its tracked id; `end` comes once, with the error if any. */
export type FeedSink<T> = { next(trackedId: string, item: T): void; end(error?: unknown): void };

/**
 * A subscription's result in two shapes: an async iterable of tracked items, as tRPC's callers,
 * HTTP subscriptions and tests consume it, and `[PUSH](sink)`, which Spotter's WebSocket connection
 * uses to receive items synchronously as they happen, without a promise per item. Use one or the other, once.
 */
export type PushFeed<T> = AsyncIterable<TrackedEnvelope<T>> & { [PUSH](sink: FeedSink<T>): void };

export function isPushFeed(value: unknown): value is PushFeed<unknown> {
  return typeof value === 'object' && value !== null && PUSH in value;
}

/** Hands a feed's items to `sink`; see PushFeed. */
export function pushTo<T>(feed: PushFeed<T>, sink: FeedSink<T>): void {
  feed[PUSH](sink);
}

/** An iterating consumer this far behind is cut off; it resumes by subscribing again with its lastEventId. */
const MAX_QUEUED_WHEN_ITERATED = 4_096;

/** What a PushFeed delivers from: it starts on `start(sink)` and must stop on `stop()`. */
export type FeedSource<T> = { start(sink: FeedSink<T>): void; stop(): void };

/**
 * Wraps a push source as a PushFeed. `stop()` runs once, when the signal aborts, the consumer
 * stops, or the sink ends. `toIterated` makes the items an iterating consumer receives.
 */
export function pushFeed<T>(
  signal: AbortSignal,
  source: FeedSource<T>,
  toIterated: (trackedId: string, item: T) => TrackedEnvelope<T>,
): PushFeed<T> {
  let consumer: FeedSink<T> | null = null;
  let isDone = false;

  // The signal is this subscription's own (one feed each), so its listener is added directly.
  const onAborted = () => finish();
  const finish = (error?: unknown) => {
    if (isDone) return;
    isDone = true;
    signal.removeEventListener('abort', onAborted);
    source.stop();
    consumer?.end(error);
  };
  if (signal.aborted) finish();
  else signal.addEventListener('abort', onAborted, { once: true });

  const attach = (sink: FeedSink<T>) => {
    if (consumer) throw new Error('a feed has one consumer');
    consumer = sink;
    if (isDone) return sink.end();
    source.start({
      next: (trackedId, item) => {
        if (!isDone) sink.next(trackedId, item);
      },
      end: finish,
    });
  };

  return {
    [PUSH]: attach,
    [Symbol.asyncIterator](): AsyncIterator<TrackedEnvelope<T>> {
      const queue: TrackedEnvelope<T>[] = [];
      let waiting: {
        resolve(result: IteratorResult<TrackedEnvelope<T>>): void;
        reject(error: unknown): void;
      } | null = null;
      let failure: { error: unknown } | null = null;
      let hasEnded = false;
      attach({
        next(trackedId, item) {
          const value = toIterated(trackedId, item);
          if (waiting) {
            const { resolve } = waiting;
            waiting = null;
            return resolve({ done: false, value });
          }
          queue.push(value);
          if (queue.length > MAX_QUEUED_WHEN_ITERATED)
            finish(
              new AppError(
                'TOO_MANY_REQUESTS',
                'This subscription fell too far behind; subscribe again with its lastEventId.',
              ),
            );
        },
        end(error) {
          hasEnded = true;
          if (error !== undefined) failure = { error };
          const waiter = waiting;
          waiting = null;
          if (waiter && failure) waiter.reject(failure.error);
          else waiter?.resolve({ done: true, value: undefined });
        },
      });
      return {
        next() {
          const value = queue.shift();
          if (value) return Promise.resolve({ done: false, value });
          if (failure) return Promise.reject(failure.error);
          if (hasEnded) return Promise.resolve({ done: true, value: undefined });
          return new Promise((resolve, reject) => {
            waiting = { resolve, reject };
          });
        },
        return() {
          finish();
          return Promise.resolve({ done: true, value: undefined });
        },
      };
    },
  };
}
