import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { createApiHarness } from './testing/api-harness';

describe('a database outage', () => {
  it('answers SERVICE_UNAVAILABLE with a message that says to retry', async () => {
    // Port 9 (discard) on loopback: nothing listens there, so every query is refused.
    const h = createApiHarness('postgres://postgres@127.0.0.1:9/spotter');
    const session = { userId: 'u1', name: 'Alice', email: 'alice@spotter.dev' };
    const error = await h
      .callerFor(session)
      .message.send({ channelId: 'c1', body: 'still there?' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('SERVICE_UNAVAILABLE');
    expect((error as TRPCError).message).toContain('try again');
    await h.close();
  });
});
