import type { TRPCError } from '@trpc/server';

export type Received<T> = { id: string; data: T };

/**
 * Reads a subscription opened through createCaller in the background. `take(n)` waits (bounded) for
 * the next n items; `untilEnded()` waits for the server to end it. createCaller hands back tracked
 * items as the raw `[id, data, marker]` envelope, which this unwraps (untracked items get id '').
 */
export function readSubscription<T>(iterable: AsyncIterable<unknown>) {
  const items: Received<T>[] = [];
  let isEnded = false;
  let failure: unknown = null;
  let wake: () => void = () => {};
  void (async () => {
    try {
      for await (const value of iterable) {
        // Tracked items come as [id, data, marker]; ephemeral ones as the data itself.
        const [id, data] = Array.isArray(value) ? (value as [string, T]) : ['', value as T];
        items.push({ id, data });
        wake();
      }
    } catch (error) {
      failure = error;
    } finally {
      isEnded = true;
      wake();
    }
  })();
  let taken = 0;
  const waitFor = async (what: string, condition: () => boolean, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(items)}`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 50);
      });
    }
  };
  return {
    items,
    async take(n: number): Promise<Received<T>[]> {
      await waitFor(`${n} more items`, () => items.length >= taken + n || isEnded);
      if (items.length < taken + n)
        throw new Error(`the subscription ended after ${items.length - taken} of ${n} items`);
      const out = items.slice(taken, taken + n);
      taken += n;
      return out;
    },
    pending: () => items.length - taken,
    async untilEnded(): Promise<void> {
      await waitFor('the subscription to end', () => isEnded);
    },
    error: () => failure as TRPCError | null,
  };
}
