import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { failedSend } from './failed-send';

function answered(code: string, message: string): TRPCClientError<never> {
  return new TRPCClientError(message, {
    result: { error: { message, code: -32600, data: { code, httpStatus: 400 } } },
  } as never);
}

describe('failedSend', () => {
  const unreachable = answered('SERVICE_UNAVAILABLE', 'The database is unreachable right now.');
  const refused = answered('FORBIDDEN', 'Join the channel first.');

  it('keeps a send that failed for a passing reason, with the reason, first attempt or retry', () => {
    for (const isRetry of [false, true])
      expect(failedSend(unreachable, isRetry)).toEqual({
        keep: true,
        failure: 'The database is unreachable right now.',
      });
    expect(failedSend(new TRPCClientError('WebSocket closed'), false)).toMatchObject({ keep: true });
  });

  it('gives a refused first attempt back to the composer, but keeps a refused retry with the refusal', () => {
    expect(failedSend(refused, false)).toEqual({ keep: false });
    expect(failedSend(refused, true)).toEqual({ keep: true, failure: 'Join the channel first.' });
  });
});
