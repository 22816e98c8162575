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
