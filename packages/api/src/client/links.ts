// @spotter/api/links: the retry rules every Spotter client shares, the web app's and programs' alike.
// Imports nothing of Node's, so the browser bundle can take it.
import { retryLink, type TRPCClientError, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import type { AppRouter } from '../root';

/**
 * A subscription that failed for one of these may succeed on another try: the server was briefly
 * short of its database or Redis, or overloaded. Without a code, the failure was the client's own:
 * the socket was between two connections (tRPC's wsClient answers "Active connection is not open"
 * to a request made while it reconnects). Every other code is an answer that another try would
 * only repeat (no access, a bad request, a signed-out user).
 */
const PASSING_CODES: ReadonlySet<string> = new Set([
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  'TIMEOUT',
  'TOO_MANY_REQUESTS',
]);

/** Quick first retry (usually a failover to another replica), then exponential backoff to 10 s, with jitter. */
export function reconnectDelayMs(attempt: number): number {
  const base = Math.min(250 * 2 ** attempt, 10_000);
  return base / 2 + Math.random() * (base / 2);
}

/** Whether a failed subscription is worth starting again (see PASSING_CODES). */
export function isPassingFailure(error: TRPCClientError<AppRouter>): boolean {
  const code = error.data?.code;
  return code === undefined || PASSING_CODES.has(code);
}

/**
 * A subscription that had been running this long before it failed was healthy: its next failure
 * starts the backoff from the first, short delay again. As long as the longest delay, so a
 * subscription that fails soon after each start keeps backing off instead of hammering the server.
 */
const STEADY_MS = 10_000;

export type ResubscribeOptions = {
  /**
   * Delay before starting a failed subscription again, given how many times it has failed in a row
   * (1 for the first failure; default: reconnectDelayMs).
   */
  delayMs?: (failuresInARow: number) => number;
  /** How long a subscription must have run for its next failure to count as the first (default 10 s). */
  steadyMs?: number;
  /**
   * Called with how many subscriptions are waiting to start again, whenever that number changes:
   * while it is above 0, some live updates are paused (a page says so; a program may log it).
   */
  onPausedChange?: (paused: number) => void;
};

/**
 * Starts a subscription again after a failure that may pass, from the last event it delivered (the
 * stream replays what was missed, exactly once), for as long as it is wanted. Without this a tab's
 * or a bot's subscription ends for good on a moment's trouble while its socket stays up, and the
 * user silently stops hearing of new messages. Queries and mutations are left to their callers.
 * A subscription counts as paused from such a failure until it has started again, ended or been
 * unsubscribed. The backoff counts failures in a row: once a subscription has run steadily, its
 * next failure is retried after the first, short delay, however many it went through before.
 */
export function resubscribeLink(options: ResubscribeOptions = {}): TRPCLink<AppRouter> {
  const delayMs = options.delayMs ?? reconnectDelayMs;
  const steadyMs = options.steadyMs ?? STEADY_MS;
  // retryLink tries again at once and counts attempts over the subscription's whole life; the wait,
  // and the count it depends on, are kept per subscription below instead.
  const retry = retryLink<AppRouter>({
    retry: ({ op, error }) => op.type === 'subscription' && isPassingFailure(error),
    retryDelayMs: () => 0,
  });
  const paused = new Set<number>();
  const mark = (opId: number, isPaused: boolean) => {
    const before = paused.size;
    if (isPaused) paused.add(opId);
    else paused.delete(opId);
    if (paused.size !== before) options.onPausedChange?.(paused.size);
  };
  return (runtime) => {
    const retrying = retry(runtime);
    return ({ op, next }) => {
      if (op.type !== 'subscription') return next(op);
      return observable((observer) => {
        let failuresInARow = 0;
        let startedAt: number | undefined;
        // Each attempt passes through here on its way to the socket, after the backoff's wait if it
        // follows a failure: its failure pauses the subscription, its start resumes it.
        const watched = (attempt: typeof op) =>
          observable<Parameters<typeof observer.next>[0], TRPCClientError<AppRouter>>((inner) => {
            let attemptSubscription: { unsubscribe(): void } | undefined;
            const send = () => {
              attemptSubscription = next(attempt).subscribe({
                next(envelope) {
                  if (envelope.result.type === 'started') {
                    startedAt = Date.now();
                    mark(op.id, false);
                  }
                  inner.next(envelope);
                },
                error(error) {
                  if (isPassingFailure(error)) {
                    if (startedAt !== undefined && Date.now() - startedAt >= steadyMs) failuresInARow = 0;
                    failuresInARow++;
                    startedAt = undefined;
                    mark(op.id, true);
                  }
                  inner.error(error);
                },
                complete: () => inner.complete(),
              });
            };
            const wait = failuresInARow > 0 ? setTimeout(send, delayMs(failuresInARow)) : undefined;
            if (wait === undefined) send();
            return () => {
              clearTimeout(wait);
              attemptSubscription?.unsubscribe();
            };
          });
        const subscription = retrying({ op, next: watched }).subscribe({
          next: (envelope) => observer.next(envelope),
          error(error) {
            mark(op.id, false);
            observer.error(error);
          },
          complete() {
            mark(op.id, false);
            observer.complete();
          },
        });
        return () => {
          subscription.unsubscribe();
          mark(op.id, false);
        };
      });
    };
  };
}
