import { TRPCError } from '@trpc/server';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { ChannelEvent } from '../bus/topics';
import type { Session } from '../context';
import { createApiHarness } from '../testing/api-harness';

const h = createApiHarness(inject('databaseUrl'));
afterAll(() => h.close());

type Item = { id: string; event: ChannelEvent };

/**
 * Opens `message.onEvent` as `session` and reads it in the background; `take(n)` waits for the
 * next n items and `stop()` aborts the subscription the way a closing socket does.
 */
async function subscribe(session: Session, input: { channelId: string; lastEventId?: string }) {
  const controller = new AbortController();
  const iterable = await h.callerFor(session, controller.signal).message.onEvent(input);
  const items: Item[] = [];
  let wake: () => void = () => {};
  const iterator = iterable[Symbol.asyncIterator]();
  void (async () => {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      // createCaller hands back the raw tracked() envelope, [id, data, marker], not the wire shape.
      const [id, event] = next.value as unknown as [string, ChannelEvent];
      items.push({ id, event });
      wake();
    }
  })();
  let taken = 0;
  return {
    async take(n: number): Promise<Item[]> {
      const deadline = Date.now() + 10_000;
      while (items.length < taken + n) {
        if (Date.now() > deadline) throw new Error(`expected ${n} more events, got ${items.length - taken}`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 100);
        });
      }
      const out = items.slice(taken, taken + n);
      taken += n;
      return out;
    },
    pending: () => items.length - taken,
    stop: () => controller.abort(),
  };
}

async function setup() {
  const alice = await h.createUser('Alice');
  const bob = await h.createUser('Bob');
  const channel = await alice.caller.channel.create({ name: h.uniqueName('Stream') });
  await bob.caller.channel.join({ channelId: channel.id });
  const send = (body: string) => alice.caller.message.send({ channelId: channel.id, body });
  return { alice, bob, channel, send };
}

/** Writes a message the way message.send does, but never publishes it: a lost publish. */
async function insertWithoutPublish(channelId: string, authorId: string, body: string) {
  return h.prisma.$transaction(async (tx) => {
    const { lastSeq } = await tx.channel.update({
      where: { id: channelId },
      data: { lastSeq: { increment: 1 } },
    });
    return tx.message.create({ data: { channelId, authorId, body, seq: lastSeq } });
  });
}

describe('message.onEvent', () => {
  it('starts with the latest page, then streams live messages tracked by seq', async () => {
    const { bob, channel, send } = await setup();
    await send('one');
    await send('two');
    const stream = await subscribe(bob.session, { channelId: channel.id });
    expect((await stream.take(2)).map((i) => [i.id, i.event.message.body])).toEqual([
      ['1', 'one'],
      ['2', 'two'],
    ]);
    await send('three');
    const [live] = await stream.take(1);
    expect(live).toMatchObject({ id: '3', event: { type: 'message.created', message: { body: 'three' } } });
    stream.stop();
  });

  it('resumes after lastEventId with exactly the missed messages, in order', async () => {
    const { bob, channel, send } = await setup();
    for (let i = 1; i <= 60; i++) await send(`m${i}`);
    const stream = await subscribe(bob.session, { channelId: channel.id, lastEventId: '10' });
    const missed = await stream.take(50);
    expect(missed.map((i) => Number(i.id))).toEqual(Array.from({ length: 50 }, (_, i) => 11 + i));
    await send('live');
    expect((await stream.take(1))[0]?.id).toBe('61');
    expect(stream.pending()).toBe(0);
    stream.stop();
  });

  it('fills a lost publish from the database when the next event shows the gap', async () => {
    const { alice, bob, channel, send } = await setup();
    const stream = await subscribe(bob.session, { channelId: channel.id, lastEventId: '0' });
    await send('before');
    await stream.take(1);
    await insertWithoutPublish(channel.id, alice.session.userId, 'lost in transit');
    await send('after');
    const items = await stream.take(2);
    expect(items.map((i) => [i.id, i.event.message.body])).toEqual([
      ['2', 'lost in transit'],
      ['3', 'after'],
    ]);
    stream.stop();
  });

  it('streams edits and deletes without moving the resume cursor backwards', async () => {
    const { alice, bob, channel, send } = await setup();
    const first = await send('first');
    await send('second');
    const stream = await subscribe(bob.session, { channelId: channel.id, lastEventId: '2' });
    await alice.caller.message.edit({ messageId: first.id, body: 'first (edited)' });
    await alice.caller.message.delete({ messageId: first.id });
    const [edit, removal] = await stream.take(2);
    expect(edit).toMatchObject({
      id: '2',
      event: { type: 'message.edited', message: { seq: 1, version: 2 } },
    });
    expect(removal).toMatchObject({
      id: '2',
      event: { type: 'message.deleted', message: { seq: 1, body: '' } },
    });
    stream.stop();
  });

  it('rejects a lastEventId that is not a seq, non-members and anonymous callers', async () => {
    const { bob, channel } = await setup();
    const stranger = await h.createUser('Mallory');
    const codeOf = async (open: () => Promise<AsyncIterable<unknown>>) => {
      try {
        await (await open())[Symbol.asyncIterator]().next();
        return 'no error';
      } catch (error) {
        return error instanceof TRPCError ? error.code : String(error);
      }
    };
    expect(
      await codeOf(() => bob.caller.message.onEvent({ channelId: channel.id, lastEventId: 'abc' })),
    ).toBe('BAD_REQUEST');
    expect(await codeOf(() => stranger.caller.message.onEvent({ channelId: channel.id }))).toBe('FORBIDDEN');
    expect(await codeOf(() => h.anonymous().message.onEvent({ channelId: channel.id }))).toBe('UNAUTHORIZED');
  });
});
