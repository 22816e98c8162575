/** What `liveWithResyncs` yields when the bus has recovered from an outage. */
export const RESYNC = Symbol('resync');

/**
 * Merges a live bus iterable with the bus's "live again" signal, so a durable stream can re-read
 * from the database what was published while the bus was down — without waiting for the next
 * event to reveal the gap. Items are never dropped: a pending `next()` survives every resync.
 * Each wait attaches one handler to the pending item and none to a long-lived promise, so a
 * subscription that runs for days does not accumulate handlers per delivered event.
 */
export async function* liveWithResyncs<T>(
  live: AsyncIterable<T>,
  onLive: (listener: () => void) => () => void,
): AsyncGenerator<T | typeof RESYNC> {
  const iterator = live[Symbol.asyncIterator]();
  let isResyncDue = false;
  let wake: (() => void) | null = null;
  const stop = onLive(() => {
    isResyncDue = true;
    wake?.();
  });
  let next = iterator.next();
  try {
    for (;;) {
      if (isResyncDue) {
        isResyncDue = false;
        yield RESYNC;
        continue;
      }
      const pending = next;
      const winner = await new Promise<IteratorResult<T> | typeof RESYNC>((resolve, reject) => {
        wake = () => resolve(RESYNC);
        pending.then(resolve, reject);
      });
      wake = null;
      if (winner === RESYNC) continue;
      if (winner.done) return;
      next = iterator.next();
      yield winner.value;
    }
  } finally {
    stop();
    await iterator.return?.();
  }
}
