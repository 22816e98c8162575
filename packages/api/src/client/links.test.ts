import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import type { AppRouter } from '../root';
import { isPassingFailure, reconnectDelayMs } from './links';

/** A failure as wsLink hands it over: from the server's error response, or from the client itself. */
function serverError(code: string): TRPCClientError<AppRouter> {
  return TRPCClientError.from<AppRouter>({
    error: { code: -32000, message: code, data: { code, httpStatus: 500 } },
  });
}

describe('which failed subscriptions are started again', () => {
  it('the socket between two connections, and trouble on the server that may pass', () => {
    expect(isPassingFailure(TRPCClientError.from(new Error('Active connection is not open')))).toBe(true);
    for (const code of ['SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR', 'TIMEOUT', 'TOO_MANY_REQUESTS'])
      expect(isPassingFailure(serverError(code)), code).toBe(true);
  });

  it('not an answer another try would repeat', () => {
    for (const code of ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST', 'PAYLOAD_TOO_LARGE'])
      expect(isPassingFailure(serverError(code)), code).toBe(false);
  });
});

describe('reconnectDelayMs', () => {
  it('starts near 250 ms and levels off at 10 s, each delay between half and all of its step', () => {
    for (let i = 0; i < 50; i++) {
      const first = reconnectDelayMs(0);
      expect(first).toBeGreaterThanOrEqual(125);
      expect(first).toBeLessThanOrEqual(250);
      const late = reconnectDelayMs(20);
      expect(late).toBeGreaterThanOrEqual(5_000);
      expect(late).toBeLessThanOrEqual(10_000);
    }
  });
});
