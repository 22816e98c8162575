import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { describeError, mayPassOnRetry } from './error-message';

/** An error as the client makes it from a server's answer with `code`. */
function answered(code: string, message = 'refused'): TRPCClientError<never> {
  return new TRPCClientError(message, {
    result: { error: { message, code: -32600, data: { code, httpStatus: 400 } } },
  } as never);
}

describe('mayPassOnRetry', () => {
  it('is true when the server was not reached or had trouble of its own', () => {
    expect(mayPassOnRetry(new TRPCClientError('WebSocket closed'))).toBe(true);
    expect(mayPassOnRetry(new TypeError('Failed to fetch'))).toBe(true);
    expect(mayPassOnRetry(answered('SERVICE_UNAVAILABLE'))).toBe(true);
    expect(mayPassOnRetry(answered('INTERNAL_SERVER_ERROR'))).toBe(true);
  });

  it('is false when the server refused the request itself', () => {
    for (const code of ['BAD_REQUEST', 'FORBIDDEN', 'NOT_FOUND', 'TOO_MANY_REQUESTS', 'UNAUTHORIZED'])
      expect(mayPassOnRetry(answered(code)), code).toBe(false);
  });
});

describe('describeError', () => {
  it('says the server was not reached when nothing answered, else what the server said', () => {
    expect(describeError(new TRPCClientError('WebSocket closed'))).toMatch(/Could not reach Spotter/);
    expect(describeError(answered('FORBIDDEN', 'Join the channel first.'))).toBe('Join the channel first.');
  });
});
