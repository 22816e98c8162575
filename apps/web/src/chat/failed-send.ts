import { describeError, mayPassOnRetry } from '../trpc/error-message';

/** What becomes of a message whose send failed. */
export type FailedSend =
  /** Removed from the list; the composer gets the text back to change it (a first attempt refused). */
  | { keep: false }
  /** Kept in the list, marked as not sent with `failure`, for Retry or Delete. */
  | { keep: true; failure: string };

/**
 * A failure that may pass (see mayPassOnRetry) keeps the message for a retry with the same nonce.
 * A refusal of a first attempt hands the text back to the composer. A refusal of a retry keeps it
 * too, with the refusal: the composer has moved on by then, and the text must not vanish.
 */
export function failedSend(error: unknown, isRetry: boolean): FailedSend {
  if (!isRetry && !mayPassOnRetry(error)) return { keep: false };
  return { keep: true, failure: describeError(error) };
}
