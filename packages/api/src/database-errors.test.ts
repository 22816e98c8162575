import { TRPCError } from '@trpc/server';
import { describe, expect, inject, it } from 'vitest';
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

describe('an overloaded replica', () => {
  it('sheds a send with SERVICE_UNAVAILABLE when no pooled connection frees up in time, and stores nothing', async () => {
    const h = createApiHarness(inject('databaseUrl'), {
      database: { maxConnections: 1, connectionWaitMs: 200 },
    });
    const alice = await h.createUser('Alice');
    const channel = await alice.caller.channel.create({ name: h.uniqueName('Busy') });
    // The pool's only connection stays busy for a second.
    const busy = h.prisma.$queryRaw`SELECT pg_sleep(1)::text`.then(() => 'done');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const error = await alice.caller.message
      .send({ channelId: channel.id, body: 'one more set' })
      .catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe('SERVICE_UNAVAILABLE');
    expect((error as TRPCError).message).toContain('too busy');
    expect(await busy).toBe('done');
    expect(await h.prisma.message.count({ where: { channelId: channel.id } })).toBe(0);
    await h.close();
  });
});
