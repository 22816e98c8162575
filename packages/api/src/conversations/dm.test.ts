import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Session } from '../context';
import { createApiHarness } from '../testing/api-harness';
import { errorCode } from '../testing/error-code';
import { conversationTestKit } from './test-support';

const h = createApiHarness(inject('databaseUrl'));
afterAll(() => h.close());

type User = Awaited<ReturnType<typeof h.createUser>>;

const { friendsOf, subscribe } = conversationTestKit(h);

const myEvents = (session: Session) =>
  subscribe(session, (caller) => caller.me.onEvent({ lastEventId: '0' }));
const conversationEvents = (session: Session, channelId: string, lastEventId?: string) =>
  subscribe(session, (caller) => caller.channel.onEvent({ channelId, lastEventId }));

const conversationCount = (userId: string) =>
  h.prisma.channel.count({ where: { kind: { not: 'CHANNEL' }, memberships: { some: { userId } } } });

describe('dm.open', () => {
  it('creates the direct conversation once, tells both people, and lists it for both', async () => {
    const alice = await h.createUser('Alice');
    const [bob] = (await friendsOf(alice, 'Bob')) as [User];
    const dm = await alice.caller.dm.open({ userId: bob.session.userId });
    expect(dm).toMatchObject({ kind: 'DIRECT', name: '', lastMessageAt: null });
    expect(dm.members.map((m) => m.name).sort()).toEqual(['Alice', 'Bob']);
    expect((await bob.caller.dm.open({ userId: alice.session.userId })).id).toBe(dm.id);

    for (const user of [alice, bob]) {
      const events = await myEvents(user.session);
      const [added] = await events.take(1);
      expect(added?.data).toMatchObject({ type: 'channel.added', channel: { id: dm.id, kind: 'DIRECT' } });
      events.stop();
      expect((await user.caller.dm.list()).map((c) => c.id)).toEqual([dm.id]);
      expect(await user.caller.dm.get({ conversationId: dm.id })).toEqual(dm);
    }
    const stream = await conversationEvents(alice.session, dm.id, '0');
    const joined = await stream.take(2);
    expect(joined.map((item) => item.data.type)).toEqual(['member.joined', 'member.joined']);
    stream.stop();
  });

  it('gives two tabs opening it at once the same conversation', async () => {
    const alice = await h.createUser('Alice');
    const [bob] = (await friendsOf(alice, 'Bob')) as [User];
    const opened = await Promise.all([
      alice.caller.dm.open({ userId: bob.session.userId }),
      alice.caller.dm.open({ userId: bob.session.userId }),
      bob.caller.dm.open({ userId: alice.session.userId }),
    ]);
    expect(new Set(opened.map((dm) => dm.id)).size).toBe(1);
    expect(await conversationCount(alice.session.userId)).toBe(1);
    const added = await h.prisma.streamEvent.count({
      where: { streamId: `user:${bob.session.userId}`, type: 'channel.added' },
    });
    expect(added).toBe(1);
  });

  it('refuses strangers, oneself, unknown ids and bad input, creating nothing', async () => {
    const alice = await h.createUser('Alice');
    const stranger = await h.createUser('Stranger');
    const open = (userId: string) => alice.caller.dm.open({ userId });
    await expect(open(stranger.session.userId)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'You can only message friends.',
    });
    expect(await errorCode(open(alice.session.userId))).toBe('BAD_REQUEST');
    expect(await errorCode(open('forged-user-id'))).toBe('NOT_FOUND');
    expect(await errorCode(open(''))).toBe('BAD_REQUEST');
    expect(await errorCode(open('x'.repeat(65)))).toBe('BAD_REQUEST');
    expect(await errorCode(h.anonymous().dm.open({ userId: stranger.session.userId }))).toBe('UNAUTHORIZED');
    // One-sided rows are not a friendship (a pending request, or a block).
    await h.prisma.relationship.create({
      data: { userId: alice.session.userId, otherId: stranger.session.userId, kind: 'OUTGOING' },
    });
    expect(await errorCode(open(stranger.session.userId))).toBe('FORBIDDEN');
    expect(await conversationCount(alice.session.userId)).toBe(0);
    expect(await h.prisma.streamEvent.count({ where: { streamId: `user:${alice.session.userId}` } })).toBe(0);
  });
});

describe('messages in a direct conversation', () => {
  it('go through message.send/list/edit/delete and channel.onEvent, with resume', async () => {
    const alice = await h.createUser('Alice');
    const [bob] = (await friendsOf(alice, 'Bob')) as [User];
    const dm = await alice.caller.dm.open({ userId: bob.session.userId });
    const live = await conversationEvents(bob.session, dm.id);
    await live.take(3); // sync, then the two member.joined replayed
    const hi = await alice.caller.message.send({ channelId: dm.id, body: 'hi Bob', nonce: 'n1' });
    expect((await alice.caller.message.send({ channelId: dm.id, body: 'hi Bob', nonce: 'n1' })).id).toBe(
      hi.id,
    );
    const [created] = await live.take(1);
    expect(created?.data).toMatchObject({ type: 'message.created', message: { id: hi.id, body: 'hi Bob' } });
    live.stop();

    const reply = await bob.caller.message.send({ channelId: dm.id, body: 'hey' });
    await alice.caller.message.edit({ messageId: hi.id, body: 'hi Bob!' });
    await bob.caller.message.delete({ messageId: reply.id });
    const resumed = await conversationEvents(bob.session, dm.id, created?.id);
    expect((await resumed.take(3)).map((item) => item.data.type)).toEqual([
      'message.created',
      'message.edited',
      'message.deleted',
    ]);
    resumed.stop();
    const page = await bob.caller.message.list({ channelId: dm.id });
    expect(page.items.map((m) => m.body)).toEqual(['hi Bob!', '']);
    expect((await alice.caller.dm.get({ conversationId: dm.id })).lastMessageAt).toEqual(reply.createdAt);
    expect(await errorCode(bob.caller.message.edit({ messageId: hi.id, body: 'mine now' }))).toBe(
      'FORBIDDEN',
    );
  });

  it('are hidden from everyone else (NOT_FOUND for reading, following, sending, editing)', async () => {
    const alice = await h.createUser('Alice');
    const [bob] = (await friendsOf(alice, 'Bob')) as [User];
    const carol = await h.createUser('Carol');
    const dm = await alice.caller.dm.open({ userId: bob.session.userId });
    const hi = await alice.caller.message.send({ channelId: dm.id, body: 'private' });
    const c = carol.caller;
    expect(await errorCode(c.message.list({ channelId: dm.id }))).toBe('NOT_FOUND');
    expect(await errorCode(c.message.send({ channelId: dm.id, body: 'let me in' }))).toBe('NOT_FOUND');
    expect(await errorCode(c.message.edit({ messageId: hi.id, body: 'x' }))).toBe('NOT_FOUND');
    expect(await errorCode(c.message.delete({ messageId: hi.id }))).toBe('NOT_FOUND');
    expect(await errorCode(c.dm.get({ conversationId: dm.id }))).toBe('NOT_FOUND');
    expect(await errorCode(c.typing.notify({ channelId: dm.id }))).toBe('NOT_FOUND');
    expect(await errorCode(conversationEvents(carol.session, dm.id))).toBe('NOT_FOUND');
    expect(await c.dm.list()).toEqual([]);
    expect(await h.prisma.message.count({ where: { channelId: dm.id } })).toBe(1);
  });

  it('are refused once the two are no longer friends or one blocks the other', async () => {
    const alice = await h.createUser('Alice');
    const [bob] = (await friendsOf(alice, 'Bob')) as [User];
    const dm = await alice.caller.dm.open({ userId: bob.session.userId });
    const landed = await alice.caller.message.send({ channelId: dm.id, body: 'before', nonce: 'kept' });
    const send = (user: User, body: string) => user.caller.message.send({ channelId: dm.id, body });

    // Bob blocks Alice: his FRIEND row becomes BLOCKED, hers goes.
    await h.prisma.relationship.deleteMany({ where: { userId: alice.session.userId } });
    await h.prisma.relationship.update({
      where: { userId_otherId: { userId: bob.session.userId, otherId: alice.session.userId } },
      data: { kind: 'BLOCKED' },
    });
    await expect(send(alice, 'hello?')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'You can only message friends.',
    });
    expect(await errorCode(send(bob, 'go away'))).toBe('FORBIDDEN');
    // A retry of a send that had landed still answers with its stored copy.
    const retried = await alice.caller.message.send({ channelId: dm.id, body: 'before', nonce: 'kept' });
    expect(retried.id).toBe(landed.id);

    // Unfriended (no rows at all).
    await h.prisma.relationship.deleteMany({ where: { userId: bob.session.userId } });
    expect(await errorCode(send(bob, 'hi'))).toBe('FORBIDDEN');
    // Only one side's FRIEND row left: not friends either.
    await h.prisma.relationship.create({
      data: { userId: alice.session.userId, otherId: bob.session.userId, kind: 'FRIEND' },
    });
    expect(await errorCode(send(alice, 'hi'))).toBe('FORBIDDEN');
    expect(await h.prisma.message.count({ where: { channelId: dm.id } })).toBe(1);
    const page = await alice.caller.message.list({ channelId: dm.id });
    expect(page.streamSeq).toBe(landed.seq);
    // Friends again: messages flow again.
    await makeFriendsBack(bob.session.userId, alice.session.userId);
    expect(await errorCode(send(bob, 'sorry'))).toBe('no error');
  });
});

async function makeFriendsBack(userId: string, otherId: string) {
  await h.prisma.relationship.create({ data: { userId, otherId, kind: 'FRIEND' } });
}

describe('channel procedures and conversations', () => {
  it('never show or act on a conversation', async () => {
    const alice = await h.createUser('Alice');
    const [bob, carol] = (await friendsOf(alice, 'Bob', 'Carol')) as [User, User];
    const dm = await alice.caller.dm.open({ userId: bob.session.userId });
    const group = await alice.caller.dm.createGroup({ userIds: [bob.session.userId] });
    for (const { id } of [dm, group]) {
      const a = alice.caller.channel;
      expect(await errorCode(a.get({ channelId: id }))).toBe('NOT_FOUND');
      expect(await errorCode(a.members({ channelId: id }))).toBe('NOT_FOUND');
      expect(await errorCode(a.invite({ channelId: id, username: carol.username }))).toBe('NOT_FOUND');
      expect(await errorCode(a.removeMember({ channelId: id, userId: bob.session.userId }))).toBe(
        'NOT_FOUND',
      );
      expect(await errorCode(a.leave({ channelId: id }))).toBe('NOT_FOUND');
      expect(await errorCode(carol.caller.channel.join({ channelId: id }))).toBe('NOT_FOUND');
      expect(await errorCode(alice.caller.channel.join({ channelId: id }))).toBe('NOT_FOUND');
      expect((await a.listMine()).map((c) => c.id)).not.toContain(id);
      expect((await a.browse({})).map((c) => c.id)).not.toContain(id);
      expect(await h.prisma.membership.count({ where: { channelId: id } })).toBe(2);
    }
  });

  it('are never where sign-in lands (me.home), even when remembered', async () => {
    const alice = await h.createUser('Alice');
    const [bob] = (await friendsOf(alice, 'Bob')) as [User];
    const channel = await alice.caller.channel.create({ name: h.uniqueName('Zz last by name') });
    const dm = await alice.caller.dm.open({ userId: bob.session.userId });
    await alice.caller.me.rememberChannel({ channelId: dm.id });
    expect(await alice.caller.me.home()).toBe(channel.slug);
  });
});

describe('direct message notifications', () => {
  it('give each other member one unread entry per conversation, live on their stream, and a new one once read', async () => {
    const alice = await h.createUser('Alice');
    const [bob, carol] = (await friendsOf(alice, 'Bob', 'Carol')) as [User, User];
    const group = await alice.caller.dm.createGroup({ userIds: [bob.session.userId, carol.session.userId] });
    const bobEvents = await myEvents(bob.session);
    await bobEvents.take(1); // channel.added of the group

    const first = await alice.caller.message.send({ channelId: group.id, body: 'deadlifts at 6?' });
    await alice.caller.message.send({ channelId: group.id, body: 'or 7' });
    const [told] = await bobEvents.take(1);
    expect(told?.data).toMatchObject({
      type: 'notification.created',
      notification: {
        kind: 'DIRECT_MESSAGE',
        channelId: group.id,
        messageId: first.id,
        actor: { name: 'Alice' },
      },
    });
    bobEvents.stop();
    for (const user of [bob, carol]) {
      const { items } = await user.caller.notifications.list({});
      expect(items.filter((n) => n.kind === 'DIRECT_MESSAGE').map((n) => n.messageId)).toEqual([first.id]);
    }
    // The author is not told of their own messages.
    expect((await alice.caller.notifications.unreadCount()).count).toBe(0);

    await bob.caller.notifications.markAllRead();
    const third = await carol.caller.message.send({ channelId: group.id, body: '7 works' });
    const bobs = (await bob.caller.notifications.list({})).items.filter((n) => n.kind === 'DIRECT_MESSAGE');
    expect(bobs.map((n) => [n.messageId, n.readAt === null])).toEqual([
      [third.id, true],
      [first.id, false],
    ]);
    // Carol's entry of Alice's messages is still unread: hers is not repeated for her own message.
    const carols = (await carol.caller.notifications.list({})).items.filter(
      (n) => n.kind === 'DIRECT_MESSAGE',
    );
    expect(carols.map((n) => n.messageId)).toEqual([first.id]);
  });
});
