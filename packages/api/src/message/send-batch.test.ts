import { rawAccessOf } from '@spotter/db';
import { createTestDatabase } from '@spotter/db/testing';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readEvents } from '../streams/read';
import { streamIds } from '../streams/stream-ids';
import { createApiHarness } from '../testing/api-harness';
import { holdChannelStream } from '../testing/hold-stream';
import { type BatchedSend, createSendBatcher, sendAloneOnPool } from './send-batch';

const h = createApiHarness(inject('databaseUrl'));
afterAll(() => h.close());

type Row = {
  outcome: string;
  id: string | null;
  channelId: string | null;
  seq: number | null;
  body: string | null;
  createdAt: Date | null;
};

/** A batcher over the real database whose one-send fallback is counted. */
function countingBatcher() {
  const alone: BatchedSend[] = [];
  const raw = rawAccessOf(h.prisma);
  const send = createSendBatcher<Row>(raw, (one) => {
    alone.push(one);
    return sendAloneOnPool<Row>(raw, one);
  });
  return { send, alone };
}

async function twoChannels() {
  const owner = await h.createUser('Alice');
  const member = await h.createUser('Bob');
  const channels = [];
  for (const name of ['Squats', 'Deadlifts']) {
    const channel = await owner.caller.channel.create({ name: h.uniqueName(name) });
    await member.caller.channel.join({ channelId: channel.id });
    channels.push(channel);
  }
  return { owner, member, channels };
}

describe('group-committed sends', () => {
  it('stores sends that arrive together in one statement, gapless per channel, each once', async () => {
    const { owner, member, channels } = await twoChannels();
    const { send, alone } = countingBatcher();
    const sends: BatchedSend[] = Array.from({ length: 40 }, (_, i) => ({
      channelId: channels[i % 2]?.id as string,
      authorId: (i % 3 ? owner : member).session.userId,
      body: `set ${i}`,
      nonce: `n-${i}`,
    }));
    // The same send retried in the same batch (a client that resent before the answer came).
    const retried = { ...sends[4] } as BatchedSend;
    const rows = await Promise.all([...sends, retried].map((one) => send(one)));

    expect(alone).toEqual([]);
    expect(rows.slice(0, 40).map((row) => row.body)).toEqual(sends.map((one) => one.body));
    expect(rows.slice(0, 40).every((row) => row.outcome === 'sent')).toBe(true);
    expect(rows[40]).toMatchObject({ outcome: 'earlier', id: rows[4]?.id, seq: rows[4]?.seq });
    for (const channel of channels) {
      const events = (
        await readEvents(h.prisma, streamIds.channel(channel.id), { after: 0, limit: 500 })
      ).filter((event) => event.type === 'message.created');
      const seqs = events.map((event) => event.seq);
      expect(seqs).toHaveLength(20);
      expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => (seqs[0] as number) + i));
      // In each channel, the messages keep the order their sends arrived in.
      const bodies = sends.filter((one) => one.channelId === channel.id).map((one) => one.body);
      expect(events.map((event) => (event.type === 'message.created' ? event.message.body : ''))).toEqual(
        bodies,
      );
    }
  });

  it('answers refusals per send without failing the others', async () => {
    const { owner, channels } = await twoChannels();
    const stranger = await h.createUser('Carol');
    const { send, alone } = countingBatcher();
    const [mine, theirs] = await Promise.all([
      send({
        channelId: channels[0]?.id as string,
        authorId: owner.session.userId,
        body: 'mine',
        nonce: null,
      }),
      send({
        channelId: channels[0]?.id as string,
        authorId: stranger.session.userId,
        body: 'theirs',
        nonce: null,
      }),
    ]);
    expect(alone).toEqual([]);
    expect(mine).toMatchObject({ outcome: 'sent', body: 'mine' });
    expect(theirs).toMatchObject({ outcome: 'not-member', id: null });
  });

  it('fails only the send the database cannot store; the rest of its batch is stored once', async () => {
    const { owner, channels } = await twoChannels();
    const { send, alone } = countingBatcher();
    const sends: BatchedSend[] = ['one', 'bench\u0000press', 'three'].map((body, i) => ({
      channelId: channels[0]?.id as string,
      authorId: owner.session.userId,
      body,
      nonce: `bad-${i}`,
    }));
    const results = await Promise.allSettled(sends.map((one) => send(one)));

    // The batch's statement rolled back whole, then each send ran alone.
    expect(alone).toHaveLength(3);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const stored = await h.prisma.message.findMany({
      where: { channelId: channels[0]?.id },
      orderBy: { seq: 'asc' },
      select: { body: true },
    });
    expect(stored.map((message) => message.body)).toEqual(['one', 'three']);
  });

  it("keeps a channel whose stream is held up from holding up other channels' sends", async () => {
    const { owner, channels } = await twoChannels();
    const [busy, quiet] = channels.map((channel) => channel.id) as [string, string];
    const { send } = countingBatcher();
    const post = (channelId: string, body: string) =>
      send({ channelId, authorId: owner.session.userId, body, nonce: null });
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

    // Another transaction holds the busy channel's stream, as a long batch of a flood there would.
    const release = await holdChannelStream(h.prisma, busy);
    try {
      // Two sends to the busy channel, each in a turn of its own: two batches, were both let in.
      const first = post(busy, 'busy 1');
      await nextTurn();
      const second = post(busy, 'busy 2');
      await nextTurn();
      const stillWaiting = new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5_000));
      expect(await Promise.race([post(quiet, 'quiet'), stillWaiting])).toMatchObject({
        outcome: 'sent',
        body: 'quiet',
      });
      const releasing = release();
      const rows = await Promise.all([first, second]);
      await releasing;
      expect(rows.map((row) => row.body)).toEqual(['busy 1', 'busy 2']);
      expect((rows[1]?.seq ?? 0) - (rows[0]?.seq ?? 0)).toBe(1);
    } finally {
      await release();
    }
  });

  it('reads when a message was stored as Prisma does, whatever the local time zone', async () => {
    const { owner, channels } = await twoChannels();
    const { send } = countingBatcher();
    const post = (body: string) =>
      send({ channelId: channels[0]?.id as string, authorId: owner.session.userId, body, nonce: null });
    const previous = process.env.TZ;
    // The column is UTC without a zone; read in local time it would be five hours off here.
    process.env.TZ = 'America/New_York';
    try {
      const alone = await post('alone');
      const together = await Promise.all([post('together 1'), post('together 2')]);
      for (const row of [alone, ...together]) {
        const stored = await h.prisma.message.findUniqueOrThrow({
          where: { id: row.id as string },
          select: { createdAt: true },
        });
        expect(row.createdAt).toEqual(stored.createdAt);
      }
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });

  it('keeps sending on a connection that prepared the statement after a migration adds a column to it', async () => {
    // A database of its own: the function is replaced here, as a later migration would during a
    // rolling deploy, while this "old replica" keeps its connection and its prepared statement.
    const database = await createTestDatabase();
    const old = createApiHarness(database.url, { database: { maxConnections: 1 } });
    try {
      const owner = await old.createUser('Alice');
      const channel = await owner.caller.channel.create({ name: old.uniqueName('Deploy') });
      const raw = rawAccessOf(old.prisma);
      const send = createSendBatcher<Row>(raw, (one) => sendAloneOnPool<Row>(raw, one));
      const post = (body: string) =>
        send({ channelId: channel.id, authorId: owner.session.userId, body, nonce: null });
      expect(await post('before')).toMatchObject({ outcome: 'sent', body: 'before' });
      const before = await Promise.all([post('before 1'), post('before 2')]);
      expect(before.map((row) => row.outcome)).toEqual(['sent', 'sent']);

      const [{ definition }] = (await old.prisma.$queryRaw<{ definition: string }[]>`
        SELECT pg_get_functiondef('spotter_send_message'::regproc) AS "definition"`) as [
        { definition: string },
      ];
      const widened = definition
        .replace('"authorUsername" text)', '"authorUsername" text, "newColumn" text)')
        .replace('u."username"', 'u."username", NULL::TEXT');
      expect(widened).toContain('"newColumn" text');
      expect(widened).toContain('NULL::TEXT');
      await old.prisma.$executeRawUnsafe('DROP FUNCTION spotter_send_message(TEXT, TEXT, TEXT, TEXT)');
      await old.prisma.$executeRawUnsafe(widened);

      expect(await post('after')).toMatchObject({ outcome: 'sent', body: 'after' });
      const together = await Promise.all([post('batched 1'), post('batched 2')]);
      expect(together.map((row) => row.outcome)).toEqual(['sent', 'sent']);
    } finally {
      await old.close();
      await database.drop();
    }
  });
});
