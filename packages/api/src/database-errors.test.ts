import { TRPCError } from '@trpc/server';
import { describe, expect, inject, it } from 'vitest';
import { streamIds } from './streams/stream-ids';
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

describe('a send whose database connection is cut while it runs', () => {
  it('answers SERVICE_UNAVAILABLE, stores nothing, and the next send goes through', async () => {
    const h = createApiHarness(inject('databaseUrl'));
    const alice = await h.createUser('Alice');
    const channel = await alice.caller.channel.create({ name: h.uniqueName('Cut') });
    const streamId = streamIds.channel(channel.id);
    const first = await alice.caller.message.send({ channelId: channel.id, body: 'one' });

    // Hold the channel's stream so the next send waits inside the database, then end its session
    // from outside, as an administrator or a failover would.
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const holder = h.prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM "Stream" WHERE "id" = ${streamId} FOR UPDATE`;
        await released;
      },
      { timeout: 30_000 },
    );
    try {
      const cut = alice.caller.message
        .send({ channelId: channel.id, body: 'cut off' })
        .catch((e: unknown) => e);
      let terminated = 0;
      for (let i = 0; i < 100 && terminated === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const [row] = await h.prisma.$queryRaw<{ count: number }[]>`
          SELECT count(pg_terminate_backend(pid))::INTEGER AS "count" FROM pg_stat_activity
          WHERE datname = current_database() AND query LIKE '%spotter_send_message%' AND wait_event_type = 'Lock'`;
        terminated = row?.count ?? 0;
      }
      expect(terminated).toBe(1);
      const error = await cut;
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      release();
      await holder;
    }
    const next = await alice.caller.message.send({ channelId: channel.id, body: 'two' });
    // The cut send took no seq and left no row.
    expect(next.seq).toBe(first.seq + 1);
    const stored = await h.prisma.message.findMany({
      where: { channelId: channel.id },
      select: { body: true },
    });
    expect(stored.map((message) => message.body).sort()).toEqual(['one', 'two']);
    await h.close();
  });
});
