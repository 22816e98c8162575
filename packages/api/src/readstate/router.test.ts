import { afterAll, describe, expect, inject, it } from 'vitest';
import { conversationTestKit } from '../conversations/test-support';
import { readHead } from '../streams/read';
import { streamIds } from '../streams/stream-ids';
import { createApiHarness } from '../testing/api-harness';
import { errorCode } from '../testing/error-code';

const h = createApiHarness(inject('databaseUrl'));
afterAll(() => h.close());

type User = Awaited<ReturnType<typeof h.createUser>>;
const { friendsOf, subscribe } = conversationTestKit(h);

const stateOf = async (user: User, channelId: string) => {
  const state = (await user.caller.readState.list()).find((s) => s.channelId === channelId);
  if (!state) throw new Error(`no read state for ${channelId}`);
  return state;
};
const myHead = async (user: User) => (await readHead(h.prisma, streamIds.user(user.session.userId))).lastSeq;
const mention = (user: User) => `<@${user.session.userId}>`;

/** Alice and Bob in a direct conversation, Bob having sent nothing yet. */
async function dmPair() {
  const alice = await h.createUser('Alice');
  const [bob] = (await friendsOf(alice, 'Bob')) as [User];
  const dm = await alice.caller.dm.open({ userId: bob.session.userId });
  return { alice, bob, dm };
}

describe('readState.list', () => {
  it('counts others’ messages after the last read, ignoring edits, deletes and one’s own', async () => {
    const { alice, bob, dm } = await dmPair();
    const channelId = dm.id;
    const first = await alice.caller.message.send({ channelId, body: 'one' });
    const second = await alice.caller.message.send({ channelId, body: `two ${mention(bob)}` });
    await alice.caller.message.send({ channelId, body: `three ${mention(bob)}` });
    await bob.caller.message.send({ channelId, body: 'my own' });
    await alice.caller.message.edit({ messageId: first.id, body: 'one, edited' });
    await alice.caller.message.delete({ messageId: second.id });
    const state = await stateOf(bob, channelId);
    expect(state).toMatchObject({ unreadCount: 2, mentionCount: 1, firstUnreadSeq: first.seq, level: 'ALL' });
    // An edit that adds a mention counts it; the author sees nothing unread.
    await alice.caller.message.edit({ messageId: first.id, body: `one ${mention(bob)}` });
    expect(await stateOf(bob, channelId)).toMatchObject({ unreadCount: 2, mentionCount: 2 });
    expect(await stateOf(alice, channelId)).toMatchObject({ unreadCount: 1, mentionCount: 0 });
  });

  it('tells when the newest message of each conversation was sent, for the sidebar’s order', async () => {
    const { alice, bob, dm } = await dmPair();
    expect((await stateOf(bob, dm.id)).lastMessageAt).toBeNull();
    await alice.caller.message.send({ channelId: dm.id, body: 'first' });
    const newest = await bob.caller.message.send({ channelId: dm.id, body: 'second' });
    for (const user of [alice, bob])
      expect((await stateOf(user, dm.id)).lastMessageAt).toEqual(newest.createdAt);
  });

  it('starts a new member at the head: history before joining is not unread', async () => {
    const alice = await h.createUser('Alice');
    const channel = await alice.caller.channel.create({ name: h.uniqueName('Readers') });
    await alice.caller.message.send({ channelId: channel.id, body: 'old news' });
    const bob = await h.createUser('Bob');
    await bob.caller.channel.join({ channelId: channel.id });
    expect(await stateOf(bob, channel.id)).toMatchObject({ unreadCount: 0, firstUnreadSeq: null });
    await alice.caller.message.send({ channelId: channel.id, body: 'new' });
    expect(await stateOf(bob, channel.id)).toMatchObject({ unreadCount: 1 });
  });
});

describe('readState.markRead and markUnread', () => {
  it('clears counts and the conversation’s notifications, on every tab, and never moves back', async () => {
    const { alice, bob, dm } = await dmPair();
    const channelId = dm.id;
    await alice.caller.message.send({ channelId, body: `hey ${mention(bob)}` });
    const last = await alice.caller.message.send({ channelId, body: 'there?' });
    expect((await bob.caller.notifications.unreadCount()).count).toBe(2); // the DM and the mention
    const from = String(await myHead(bob));
    const tab = await subscribe(bob.session, (c) => c.me.onEvent({ lastEventId: from }));

    const read = await bob.caller.readState.markRead({ channelId, seq: last.seq });
    expect(read).toMatchObject({ lastReadSeq: last.seq, unreadCount: 0, mentionCount: 0 });
    const events = (await tab.take(2)).map((item) => item.data);
    expect(events).toMatchObject([
      { type: 'notifications.read', unreadCount: 0 },
      {
        type: 'readState.changed',
        state: { channelId, lastReadSeq: last.seq, level: 'ALL' },
        // The counts travel with the change: other tabs need no reread to clear the badge.
        counts: { streamSeq: read.streamSeq, unreadCount: 0, mentionCount: 0, firstUnreadSeq: null },
      },
    ]);
    expect((await bob.caller.notifications.unreadCount()).count).toBe(0);

    // An older read from a slow tab changes nothing and tells no one.
    const head = await myHead(bob);
    expect(await bob.caller.readState.markRead({ channelId, seq: 1 })).toMatchObject({ unreadCount: 0 });
    expect(await myHead(bob)).toBe(head);

    // "Mark as unread from here" on the last message brings it back, on every tab.
    const unread = await bob.caller.readState.markUnread({ channelId, fromSeq: last.seq });
    expect(unread).toMatchObject({ lastReadSeq: last.seq - 1, unreadCount: 1, firstUnreadSeq: last.seq });
    expect((await tab.take(1))[0]?.data).toMatchObject({
      type: 'readState.changed',
      state: { lastReadSeq: last.seq - 1 },
      counts: { unreadCount: 1, mentionCount: 0, firstUnreadSeq: last.seq, lastMessageAt: last.createdAt },
    });
    tab.stop();
  });

  it('refuses reading beyond the newest event, outsiders and bad input, changing nothing', async () => {
    const { alice, bob, dm } = await dmPair();
    const channelId = dm.id;
    const sent = await alice.caller.message.send({ channelId, body: 'hello' });
    const carol = await h.createUser('Carol');
    const publicChannel = await alice.caller.channel.create({ name: h.uniqueName('Open') });
    const before = await stateOf(bob, channelId);
    const head = await myHead(bob);
    const { lastSeq } = await readHead(h.prisma, streamIds.channel(channelId));
    const b = bob.caller.readState;
    await expect(b.markRead({ channelId, seq: lastSeq + 1 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: `This conversation has nothing after ${lastSeq} to mark.`,
    });
    expect(await errorCode(b.markUnread({ channelId, fromSeq: lastSeq + 1 }))).toBe('BAD_REQUEST');
    expect(await errorCode(b.markRead({ channelId, seq: -1 }))).toBe('BAD_REQUEST');
    expect(await errorCode(b.markRead({ channelId, seq: 1.5 }))).toBe('BAD_REQUEST');
    expect(await errorCode(b.markRead({ channelId, seq: 2 ** 31 }))).toBe('BAD_REQUEST');
    expect(await errorCode(b.markUnread({ channelId, fromSeq: 0 }))).toBe('BAD_REQUEST');
    expect(await errorCode(b.markRead({ channelId: 'x'.repeat(65), seq: 1 }))).toBe('BAD_REQUEST');
    expect(await errorCode(b.markRead({ channelId: 'no-such-channel', seq: 1 }))).toBe('NOT_FOUND');
    // @ts-expect-error an unknown level is refused by validation
    expect(await errorCode(b.setLevel({ channelId, level: 'LOUD' }))).toBe('BAD_REQUEST');
    // Not a member: a conversation answers NOT_FOUND, a public channel "join first".
    const c = carol.caller.readState;
    expect(await errorCode(c.markRead({ channelId, seq: sent.seq }))).toBe('NOT_FOUND');
    expect(await errorCode(c.setLevel({ channelId, level: 'NOTHING' }))).toBe('NOT_FOUND');
    expect(await errorCode(c.markRead({ channelId: publicChannel.id, seq: 0 }))).toBe('FORBIDDEN');
    expect(await errorCode(h.anonymous().readState.list())).toBe('UNAUTHORIZED');
    expect(await stateOf(bob, channelId)).toEqual(before);
    expect(await myHead(bob)).toBe(head);
    expect(await carol.caller.readState.list()).toEqual([]);
  });
});

describe('readState.setLevel', () => {
  it('decides which notifications are created: all, mentions only, or none', async () => {
    const alice = await h.createUser('Alice');
    const [bob, carol] = (await friendsOf(alice, 'Bob', 'Carol')) as [User, User];
    const group = await alice.caller.dm.createGroup({ userIds: [bob.session.userId, carol.session.userId] });
    const channelId = group.id;
    expect(await bob.caller.readState.setLevel({ channelId, level: 'MENTIONS' })).toMatchObject({
      level: 'MENTIONS',
    });
    await carol.caller.readState.setLevel({ channelId, level: 'NOTHING' });
    await alice.caller.message.send({ channelId, body: 'anyone lifting?' });
    await alice.caller.message.send({ channelId, body: `${mention(bob)} ${mention(carol)} you two?` });
    const kinds = async (user: User) =>
      (await user.caller.notifications.list({})).items.map((n) => n.kind).sort();
    expect(await kinds(bob)).toEqual(['MENTION']);
    expect(await kinds(carol)).toEqual([]);
    // The counts are kept whatever the level: the client decides what a muted badge shows.
    expect(await stateOf(carol, channelId)).toMatchObject({
      level: 'NOTHING',
      unreadCount: 2,
      mentionCount: 1,
    });
    // Setting the same level again announces nothing.
    const head = await myHead(carol);
    await carol.caller.readState.setLevel({ channelId, level: 'NOTHING' });
    expect(await myHead(carol)).toBe(head);
  });
});

describe('readState.onActivity', () => {
  it('hints at others’ messages in all of the user’s conversations (in-memory bus), not at their own', async () => {
    const { alice, bob, dm } = await dmPair();
    const channel = await alice.caller.channel.create({ name: h.uniqueName('Hints') });
    await bob.caller.channel.join({ channelId: channel.id });
    const hints = await subscribe(bob.session, (c) => c.readState.onActivity());
    await bob.caller.message.send({ channelId: dm.id, body: 'my own: no hint' });
    const inDm = await alice.caller.message.send({ channelId: dm.id, body: 'hi' });
    const inChannel = await alice.caller.message.send({ channelId: channel.id, body: 'hello all' });
    await alice.caller.message.delete({ messageId: inChannel.id });
    const got = (await hints.take(3)).map((item) => item.data);
    expect(got).toEqual([
      { channelId: dm.id, seq: inDm.seq },
      { channelId: channel.id, seq: inChannel.seq },
      { channelId: channel.id, seq: inChannel.seq + 1 },
    ]);
    hints.stop();
    expect(await errorCode(h.anonymous().readState.onActivity())).toBe('UNAUTHORIZED');
  });
});
