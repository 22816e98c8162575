import { createPrismaClient } from '@spotter/db';
import { startTcpProxy } from '@spotter/test-support';
import { TRPCError } from '@trpc/server';
import { describe, expect, inject, it } from 'vitest';
import { createApiHarness } from './testing/api-harness';
import { holdChannelStream } from './testing/hold-stream';

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
    const first = await alice.caller.message.send({ channelId: channel.id, body: 'one' });

    // Hold the channel's stream so the next send waits inside the database, then end its session
    // from outside, as an administrator or a failover would.
    const release = await holdChannelStream(h.prisma, channel.id);
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
      await release();
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

/**
 * A harness that reaches PostgreSQL through a relay that can drop its connections (PostgreSQL itself
 * stays up, as in a network fault), and a direct client that holds streams and watches the server.
 */
async function relayedSetup() {
  const databaseUrl = inject('databaseUrl');
  const target = new URL(databaseUrl);
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const relayed = new URL(databaseUrl);
  relayed.hostname = '127.0.0.1';
  relayed.port = String(proxy.port);
  const h = createApiHarness(relayed.toString());
  const direct = createPrismaClient(databaseUrl);
  const holdStream = (channelId: string) => holdChannelStream(direct, channelId);
  /** Statements of sends running in the database; `waiting`: only those waiting for a lock. */
  const sendsInDatabase = async (waiting: boolean) => {
    const [row] = await direct.$queryRaw<{ count: number }[]>`
      SELECT count(*)::INTEGER AS "count" FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'
        AND query LIKE '%spotter_send_message%'
        AND (NOT ${waiting} OR wait_event_type = 'Lock')`;
    return row?.count ?? 0;
  };
  const close = async () => {
    await h.close();
    await direct.$disconnect();
    await proxy.close();
  };
  return { h, direct, proxy, holdStream, sendsInDatabase, close };
}

const expectUnavailable = (error: unknown) => {
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe('SERVICE_UNAVAILABLE');
};

describe('sends whose connection to the database is lost while they run', () => {
  it('answer SERVICE_UNAVAILABLE, and a retry with the same nonce stores each once', async () => {
    const { h, direct, proxy, holdStream, sendsInDatabase, close } = await relayedSetup();
    const alice = await h.createUser('Alice');
    const bob = await h.createUser('Bob');
    const channel = await alice.caller.channel.create({ name: h.uniqueName('Lost') });
    await bob.caller.channel.join({ channelId: channel.id });
    await alice.caller.message.send({ channelId: channel.id, body: 'one' });
    // A plain send goes straight through node-postgres; one with a mention through Prisma's transaction.
    const mention = `for <@${bob.session.userId}>`;
    const sends = [
      { channelId: channel.id, body: 'plain', nonce: 'lost-plain' },
      { channelId: channel.id, body: mention, nonce: 'lost-mention' },
    ];
    const release = await holdStream(channel.id);
    try {
      const cut = sends.map((send) => alice.caller.message.send(send).catch((e: unknown) => e));
      await expect.poll(() => sendsInDatabase(true)).toBe(2);
      expect(proxy.cutAll()).toBeGreaterThanOrEqual(2);
      for (const error of await Promise.all(cut)) expectUnavailable(error);
    } finally {
      await release();
    }
    // Whether a cut statement committed is something its sender cannot know; the retry is safe.
    const retried = [];
    for (const send of sends) retried.push(await alice.caller.message.send(send));
    const stored = await direct.message.findMany({
      where: { channelId: channel.id },
      select: { id: true, body: true },
    });
    expect(stored.map((message) => message.body).sort()).toEqual([mention, 'one', 'plain'].sort());
    for (const message of retried) expect(stored.map((row) => row.id)).toContain(message.id);
    await close();
  });

  it('fail a whole batch without running its sends again, so none is stored twice', async () => {
    const { h, direct, proxy, holdStream, sendsInDatabase, close } = await relayedSetup();
    const alice = await h.createUser('Alice');
    const channel = await alice.caller.channel.create({ name: h.uniqueName('Lost batch') });
    const release = await holdStream(channel.id);
    let cut: unknown[];
    try {
      // Sent in one turn of the event loop, the three go to the database as one batch (send-batch.ts).
      const sending = ['a', 'b', 'c'].map((body) =>
        alice.caller.message.send({ channelId: channel.id, body }).catch((e: unknown) => e),
      );
      await expect.poll(() => sendsInDatabase(true)).toBe(1);
      expect(proxy.cutAll()).toBeGreaterThanOrEqual(1);
      cut = await Promise.all(sending);
    } finally {
      await release();
    }
    for (const error of cut) expectUnavailable(error);
    // The cut batch may still commit on its own once the stream is free; nothing else may.
    await expect.poll(() => sendsInDatabase(false)).toBe(0);
    const stored = await direct.message.findMany({
      where: { channelId: channel.id },
      select: { body: true },
    });
    expect(stored.length).toBeLessThanOrEqual(3);
    expect(new Set(stored.map((message) => message.body)).size).toBe(stored.length);
    await close();
  });
});
