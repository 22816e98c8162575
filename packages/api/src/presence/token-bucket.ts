/**
 * A token bucket: `capacity` calls at once, then one more every `refillMs`. Presence changes are
 * cheap for the caller and cost every watcher a message, so each connection gets a small one; a
 * tab that behaves (a change on idle, one on return, the odd status pick) never empties it.
 */
export type TokenBucket = {
  /** Takes a token; returns 0 when granted, else how many ms until the next token. */
  take(): number;
  /** Back to its capacity: it remembers nothing a new bucket would not, so it can be dropped. */
  isFull(): boolean;
};

export function createTokenBucket(
  options: { capacity: number; refillMs: number },
  now: () => number = Date.now,
): TokenBucket {
  let tokens = options.capacity;
  let updatedAt = now();
  const refill = (at: number) => {
    const earned = Math.floor((at - updatedAt) / options.refillMs);
    if (earned > 0) {
      tokens = Math.min(options.capacity, tokens + earned);
      updatedAt = tokens === options.capacity ? at : updatedAt + earned * options.refillMs;
    }
  };
  return {
    isFull() {
      refill(now());
      return tokens === options.capacity;
    },
    take() {
      const at = now();
      refill(at);
      if (tokens > 0) {
        tokens -= 1;
        return 0;
      }
      return updatedAt + options.refillMs - at;
    },
  };
}
