import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Session } from '../context';
import { appendEvents } from '../streams/append';
import type { StreamItem } from '../streams/events';
import { FIRST_CONNECT_REPLAY, MAX_REPLAY } from '../streams/follow';
import { readHead } from '../streams/read';
import { pruneEvents } from '../streams/retention';
import { streamIds } from '../streams/stream-ids';
import { createApiHarness } from '../testing/api-harness';
import { errorCode } from '../testing/error-code';
import { readSubscription } from '../testing/subscription';

const h = createApiHarness(inject('databaseUrl'));
afterAll(() => h.close());

/** Opens `channel.onEvent` as `session`; aborting `stop` ends it as a closing socket would. */
async function follow(session: Session, input: { channelId: string; lastEventId?: string }) {
  const controller = new AbortController();
  const iterable = await h.callerFor(session, controller.signal).channel.onEvent(input);
  return { ...readSubscription<StreamItem>(iterable), stop: () => controller.abort() };
}

async function setup() {
  const alice = await h.createUser('Alice');
  const bob = await h.createUser('Bob');
  const channel = await alice.caller.channel.create({ name: h.uniqueName('Stream') });
  await bob.caller.channel.join({ channelId: channel.id });
  const send = (body: string) => alice.caller.message.send({ channelId: channel.id, body });
  const head = async () => (await readHead(h.prisma, streamIds.channel(channel.id))).lastSeq;
  return { alice, bob, channel, send, head };
}

const describeItem = ({ id, data }: { id: string; data: StreamItem }) =>
  `${id} ${data.type}${'message' in data ? ` ${data.message.body}` : ''}`;

describe('channel.onEvent', () => {
  it('starts without a cursor a little behind the newest event (sync), then streams live events tracked by seq', async () => {
    const { bob, channel, send, head } = await setup();
    for (let i = 1; i <= FIRST_CONNECT_REPLAY + 2; i++) await send(`before ${i}`);
    const at = await head();
    const from = at - FIRST_CONNECT_REPLAY;
    const stream = await follow(bob.session, { channelId: channel.id });
    expect(await stream.take(1)).toEqual([{ id: String(from), data: { type: 'sync', seq: from } }]);
    const replayed = await stream.take(FIRST_CONNECT_REPLAY);
    expect(replayed.at(-1)).toMatchObject({
      id: String(at),
      data: { message: { body: `before ${FIRST_CONNECT_REPLAY + 2}` } },
    });
    await send('live');
    expect((await stream.take(1)).map(describeItem)).toEqual([`${at + 1} message.created live`]);
    stream.stop();
  });

  it('replays creations, edits and deletes made while away exactly once, in order', async () => {
    const { alice, bob, channel, send, head } = await setup();
    const old = await send('old message');
    for (let i = 0; i < 30; i++) await send(`filler ${i}`);
    const doomed = await send('doomed');
    const cursor = await head();
    await send('new while away');
    await alice.caller.message.edit({ messageId: old.id, body: 'old message (edited)' });
    await alice.caller.message.delete({ messageId: doomed.id });

    const stream = await follow(bob.session, { channelId: channel.id, lastEventId: String(cursor) });
    expect((await stream.take(3)).map(describeItem)).toEqual([
      `${cursor + 1} message.created new while away`,
      `${cursor + 2} message.edited old message (edited)`,
      `${cursor + 3} message.deleted `,
    ]);
    await send('after');
    expect((await stream.take(1)).map(describeItem)).toEqual([`${cursor + 4} message.created after`]);
    expect(stream.pending()).toBe(0);
    stream.stop();
  });

  it('fills a lost publish from the database when the next event shows the gap', async () => {
    const { alice, bob, channel, send, head } = await setup();
    const stream = await follow(bob.session, { channelId: channel.id, lastEventId: String(await head()) });
    await send('before');
    await stream.take(1);
    // Committed like a send, but never published: what a failed publish leaves behind.
    const streamId = streamIds.channel(channel.id);
    await h.prisma.$transaction((tx) =>
      appendEvents(tx, streamId, [
        { type: 'member.left', channelId: channel.id, userId: alice.session.userId, reason: 'left' },
      ]),
    );
    await send('after');
    expect((await stream.take(2)).map((item) => item.data.type)).toEqual(['member.left', 'message.created']);
    stream.stop();
  });

  it(`answers a cursor more than ${MAX_REPLAY} events behind with one reset at the newest seq`, async () => {
    const { alice, bob, channel } = await setup();
    const streamId = streamIds.channel(channel.id);
    const member = { userId: alice.session.userId, name: 'Alice', role: 'OWNER' as const };
    await h.prisma.$transaction((tx) =>
      appendEvents(
        tx,
        streamId,
        Array.from({ length: MAX_REPLAY + 5 }, () => ({
          type: 'member.joined' as const,
          channelId: channel.id,
          member,
        })),
      ),
    );
    const newest = (await readHead(h.prisma, streamId)).lastSeq;
    const stream = await follow(bob.session, { channelId: channel.id, lastEventId: '1' });
    expect(await stream.take(1)).toEqual([{ id: String(newest), data: { type: 'reset', seq: newest } }]);
    await alice.caller.message.send({ channelId: channel.id, body: 'after the reset' });
    expect((await stream.take(1)).map(describeItem)).toEqual([
      `${newest + 1} message.created after the reset`,
    ]);
    stream.stop();
  });

  it('tells a removed member and ends their subscription right after', async () => {
    const { alice, bob, channel, head } = await setup();
    const stream = await follow(bob.session, { channelId: channel.id, lastEventId: String(await head()) });
    await alice.caller.channel.removeMember({ channelId: channel.id, userId: bob.session.userId });
    const [removal] = await stream.take(1);
    expect(removal?.data).toMatchObject({
      type: 'member.left',
      userId: bob.session.userId,
      reason: 'removed',
    });
    await stream.untilEnded();
    expect(stream.error()).toBeNull();
    expect(await errorCode(bob.caller.channel.onEvent({ channelId: channel.id }))).toBe('FORBIDDEN');
  });

  it('rejects bad cursors, strangers and anonymous callers before any event', async () => {
    const { bob, channel } = await setup();
    const stranger = await h.createUser('Mallory');
    const secret = await bob.caller.channel.create({ name: h.uniqueName('Secret'), visibility: 'PRIVATE' });
    const open = (caller: typeof bob.caller, input: { channelId: string; lastEventId?: string }) =>
      errorCode(caller.channel.onEvent(input));
    expect(await open(bob.caller, { channelId: channel.id, lastEventId: 'abc' })).toBe('BAD_REQUEST');
    expect(await open(bob.caller, { channelId: channel.id, lastEventId: '99999999999' })).toBe('BAD_REQUEST');
    expect(await open(bob.caller, { channelId: channel.id, lastEventId: '2147483648' })).toBe('BAD_REQUEST');
    expect(await open(stranger.caller, { channelId: channel.id })).toBe('FORBIDDEN');
    expect(await open(stranger.caller, { channelId: secret.id })).toBe('NOT_FOUND');
    expect(await errorCode(h.anonymous().channel.onEvent({ channelId: channel.id }))).toBe('UNAUTHORIZED');
  });
});

describe('me.onEvent', () => {
  it('tells every device of a user about channels added and removed, resumably', async () => {
    const { alice } = await setup();
    const carol = await h.createUser('Carol');
    const secret = await alice.caller.channel.create({
      name: h.uniqueName('Coaches'),
      visibility: 'PRIVATE',
    });
    const controller = new AbortController();
    const tab = readSubscription<StreamItem>(
      await h.callerFor(carol.session, controller.signal).me.onEvent({}),
    );
    const [sync] = await tab.take(1);
    expect(sync?.data.type).toBe('sync');
    expect(tab.pending()).toBe(0);

    await alice.caller.channel.invite({ channelId: secret.id, username: carol.username });
    await alice.caller.channel.removeMember({ channelId: secret.id, userId: carol.session.userId });
    const items = await tab.take(2);
    expect(items.map((item) => item.data)).toEqual([
      {
        type: 'channel.added',
        seq: Number(sync?.id) + 1,
        channel: expect.objectContaining({ id: secret.id }),
      },
      { type: 'channel.removed', seq: Number(sync?.id) + 2, channelId: secret.id, reason: 'removed' },
    ]);
    // Another device that was offline since the sync resumes with exactly those two.
    const other = readSubscription<StreamItem>(
      await h.callerFor(carol.session, controller.signal).me.onEvent({ lastEventId: sync?.id }),
    );
    expect((await other.take(2)).map((item) => item.data.type)).toEqual(['channel.added', 'channel.removed']);
    controller.abort();
  });
});

describe('event retention', () => {
  it('prunes old events, and a client whose cursor is behind them gets a reset, not a silent gap', async () => {
    const { bob, channel, send, head } = await setup();
    await send('old news');
    const cursor = (await head()) - 1;
    // This channel's events become 31 days old; the test database's others stay young.
    await h.prisma.streamEvent.updateMany({
      where: { streamId: streamIds.channel(channel.id) },
      data: { createdAt: new Date(Date.now() - 31 * 24 * 60 * 60 * 1000) },
    });
    expect(await pruneEvents(h.prisma, new Date(Date.now() - 30 * 24 * 60 * 60 * 1000))).toBeGreaterThan(0);
    const { lastSeq, prunedThrough } = await readHead(h.prisma, streamIds.channel(channel.id));
    expect(prunedThrough).toBe(lastSeq);
    const stream = await follow(bob.session, { channelId: channel.id, lastEventId: String(cursor) });
    expect(await stream.take(1)).toEqual([{ id: String(lastSeq), data: { type: 'reset', seq: lastSeq } }]);
    // History does not depend on events: the messages are all still there.
    expect((await bob.caller.message.list({ channelId: channel.id })).items.map((m) => m.body)).toContain(
      'old news',
    );
    stream.stop();
  });
});

describe('channel.onEvent and membership', () => {
  it('stays open for a member who left and rejoined, though the replay shows their leaving', async () => {
    const { bob, channel, send } = await setup();
    await bob.caller.channel.leave({ channelId: channel.id });
    await bob.caller.channel.join({ channelId: channel.id });
    const stream = await follow(bob.session, { channelId: channel.id });
    const replay = await stream.take(5);
    expect(replay.map((item) => item.data.type)).toEqual([
      'sync',
      'member.joined',
      'member.joined',
      'member.left',
      'member.joined',
    ]);
    await send('still here');
    expect((await stream.take(1)).map(describeItem)).toEqual([
      `${Number(replay.at(-1)?.id) + 1} message.created still here`,
    ]);
    stream.stop();
  });

  it('refuses an edit of a message that a racing delete removed, and appends nothing', async () => {
    const { alice, send, head } = await setup();
    const sent = await send('about to go');
    await alice.caller.message.delete({ messageId: sent.id });
    const before = await head();
    expect(await errorCode(alice.caller.message.edit({ messageId: sent.id, body: 'too late' }))).toBe(
      'NOT_FOUND',
    );
    expect(await head()).toBe(before);
    const stranger = await h.createUser('Mallory');
    const secret = await alice.caller.channel.create({ name: h.uniqueName('Hidden'), visibility: 'PRIVATE' });
    const hidden = await alice.caller.message.send({ channelId: secret.id, body: 'private' });
    // A message in a private channel is answered like one that does not exist.
    const refusal = await stranger.caller.message
      .edit({ messageId: hidden.id, body: 'x' })
      .catch((e: Error) => e);
    expect(refusal).toMatchObject({ code: 'NOT_FOUND', message: 'No such message.' });
  });
});
