import pTimeout from 'p-timeout';
import pWaitFor from 'p-wait-for';

export type WaitOptions = {
  timeoutMs: number;
  intervalMs: number;
  /** The error to reject with once `timeoutMs` passed; built then, so it can name the last answer. */
  onTimeout: () => Error;
};

/**
 * Checks `condition` every `intervalMs` until it returns true. A condition that throws ends the wait
 * with its error at once (a server that exited will never become ready); after `timeoutMs` the wait
 * rejects with `onTimeout()`. For code that is not a test; tests use vitest's `vi.waitFor`.
 */
export function waitUntil(condition: () => boolean | Promise<boolean>, options: WaitOptions): Promise<void> {
  return pWaitFor(condition, {
    interval: options.intervalMs,
    timeout: {
      milliseconds: options.timeoutMs,
      fallback: () => {
        throw options.onTimeout();
      },
    },
  });
}

/** Resolves or rejects as `promise` does, or rejects with `message` once `timeoutMs` passed first. */
export function within<T>(promise: Promise<T>, timeoutMs: number, message: string): Promise<T> {
  return pTimeout(promise, { milliseconds: timeoutMs, message });
}

/**
 * Polls `url` until it answers 200. `isGone()` is asked before every try: a message from it (the
 * server exited) ends the wait at once. Either failure names `url` and the last answer it gave.
 */
export async function untilHttpOk(
  url: string,
  options: { timeoutMs: number; intervalMs: number; isGone?: () => string | undefined },
): Promise<void> {
  let last = 'no answer';
  await waitUntil(
    async () => {
      const gone = options.isGone?.();
      if (gone) throw new Error(`${url}: ${gone} (last answer: ${last})`);
      try {
        // Bounded, so a server that accepts but never answers cannot hold the wait past its timeout.
        const res = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs) });
        if (res.status === 200) {
          await res.body?.cancel();
          return true;
        }
        last = `${res.status} ${(await res.text()).slice(0, 300)}`;
      } catch (error) {
        last = (error as Error).message;
      }
      return false;
    },
    {
      timeoutMs: options.timeoutMs,
      intervalMs: options.intervalMs,
      onTimeout: () =>
        new Error(`${url} did not answer 200 within ${options.timeoutMs} ms (last answer: ${last})`),
    },
  );
}
