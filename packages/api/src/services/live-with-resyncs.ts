/** What `liveWithResyncs` yields when the bus has recovered from an outage. */
export const RESYNC = Symbol('resync');

/**
 * Merges a live bus iterable with the bus's "live again" signal, so a durable stream can re-read
 * from the database what was published while the bus was down — without waiting for the next
 * event to reveal the gap. Items are never dropped: a pending `next()` survives every resync.
 */
export async function* liveWithResyncs<T>(
  live: AsyncIterable<T>,
  onLive: (listener: () => void) => () => void,
): AsyncGenerator<T | typeof RESYNC> {
  const iterator = live[Symbol.asyncIterator]();
  let resync = signalled();
  const stop = onLive(() => resync.fire());
  let next = iterator.next();
  try {
    for (;;) {
      const winner = await Promise.race([next, resync.promise]);
      if (winner === RESYNC) {
        resync = signalled();
        yield RESYNC;
        continue;
      }
      if (winner.done) return;
      next = iterator.next();
      yield winner.value;
    }
  } finally {
    stop();
    await iterator.return?.();
  }
}

function signalled(): { promise: Promise<typeof RESYNC>; fire(): void } {
  let fire!: () => void;
  const promise = new Promise<typeof RESYNC>((resolve) => {
    fire = () => resolve(RESYNC);
  });
  return { promise, fire };
}
