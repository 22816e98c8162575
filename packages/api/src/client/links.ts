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

export type ResubscribeOptions = {
  /** Delay before attempt `n` of a failed subscription (default: reconnectDelayMs). */
  delayMs?: (attempt: number) => number;
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
 * unsubscribed.
 */
export function resubscribeLink(options: ResubscribeOptions = {}): TRPCLink<AppRouter> {
  const retry = retryLink<AppRouter>({
    retry: ({ op, error }) => op.type === 'subscription' && isPassingFailure(error),
    retryDelayMs: options.delayMs ?? reconnectDelayMs,
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
        // Each attempt passes through here on its way to the socket: its failure pauses the
        // subscription, its start resumes it.
        const watched = (attempt: typeof op) =>
          observable<Parameters<typeof observer.next>[0], TRPCClientError<AppRouter>>((inner) =>
            next(attempt).subscribe({
              next(envelope) {
                if (envelope.result.type === 'started') mark(op.id, false);
                inner.next(envelope);
              },
              error(error) {
                if (isPassingFailure(error)) mark(op.id, true);
                inner.error(error);
              },
              complete: () => inner.complete(),
            }),
          );
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
