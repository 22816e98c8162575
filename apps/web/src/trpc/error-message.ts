import { TRPCClientError } from '@trpc/client';

type FlattenedZodError = { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> };

/**
 * An error from a procedure in words a person can act on: the validation messages when the
 * input was rejected (the server flattens zod issues into `data.zodError`), the server's message
 * otherwise, and a hint about the network when the server was never reached.
 */
export function describeError(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const zodError = (error.data as { zodError?: FlattenedZodError | null } | undefined)?.zodError;
    if (zodError) {
      const messages = [
        ...zodError.formErrors,
        ...Object.values(zodError.fieldErrors).flatMap((list) => list ?? []),
      ];
      if (messages.length > 0) return messages.join(' ');
    }
    if (!error.data) return 'Could not reach Spotter. Check your connection and try again.';
    return error.message;
  }
  return error instanceof Error ? error.message : 'Something went wrong. Please try again.';
}

/** How long a limited call (TOO_MANY_REQUESTS) asks to wait before trying again; null for other errors. */
export function retryAfterMsOf(error: unknown): number | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = error.data as { code?: string; retryAfterMs?: unknown } | undefined;
  if (data?.code !== 'TOO_MANY_REQUESTS' || typeof data.retryAfterMs !== 'number') return null;
  return data.retryAfterMs;
}

/** Codes of failures that are the server's or the network's passing trouble, not the request's. */
const PASSING_CODES = new Set([
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  'TIMEOUT',
  'CLIENT_CLOSED_REQUEST',
  'BAD_GATEWAY',
  'GATEWAY_TIMEOUT',
]);

/**
 * Whether the same request may succeed later as it stands: the server was not reached (or the
 * connection dropped before its answer), or it answered with trouble of its own (its database
 * unreachable, say). A refused request (invalid, forbidden, rate-limited) would fail again.
 */
export function mayPassOnRetry(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return true;
  const code = (error.data as { code?: string } | undefined)?.code;
  return code === undefined || PASSING_CODES.has(code);
}
