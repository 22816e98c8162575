import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Session } from '../context';
import { readHead } from '../streams/read';
import { streamIds } from '../streams/stream-ids';
import { createApiHarness } from '../testing/api-harness';
import { errorCode } from '../testing/error-code';
import { conversationTestKit, makeFriends } from './test-support';

const h = createApiHarness(inject('databaseUrl'));
afterAll(() => h.close());

type User = Awaited<ReturnType<typeof h.createUser>>;

const kit = conversationTestKit(h);
const { subscribe } = kit;
/** `count` new users, "Friend 1", "Friend 2"…, each a friend of `me`. */
const friendsOf = (me: User, count: number, prefix = 'Friend') =>
  kit.friendsOf(me, ...Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}`));

const ids = (users: User[]) => users.map((user) => user.session.userId);
const memberCount = (channelId: string) => h.prisma.membership.count({ where: { channelId } });

/** Follows a stream from its current head: only what happens next arrives. */
async function followFromNow(session: Session, of: { channelId: string } | 'me') {
  const streamId = of === 'me' ? streamIds.user(session.userId) : streamIds.channel(of.channelId);
  const lastEventId = String((await readHead(h.prisma, streamId)).lastSeq);
  return subscribe(session, (caller) =>
    of === 'me' ? caller.me.onEvent({ lastEventId }) : caller.channel.onEvent({ ...of, lastEventId }),
  );
}

describe('dm.createGroup', () => {
  it('makes a group of the creator and friends, ignoring repeats, and tells everyone', async () => {
    const alice = await h.createUser('Alice');
    const [bob, carol] = (await friendsOf(alice, 2)) as [User, User];
    const group = await alice.caller.dm.createGroup({
      userIds: [bob.session.userId, carol.session.userId, bob.session.userId, alice.session.userId],
      name: '  Lifting crew ',
    });
    expect(group).toMatchObject({ kind: 'GROUP', name: 'Lifting crew', lastMessageAt: null });
    expect(group.members.map((m) => m.id)).toHaveLength(3);
    for (const user of [bob, carol]) {
      expect((await user.caller.dm.list()).map((c) => c.id)).toEqual([group.id]);
      const events = await subscribe(user.session, (caller) => caller.me.onEvent({ lastEventId: '0' }));
      expect((await events.take(1))[0]?.data).toMatchObject({
        type: 'channel.added',
        channel: { id: group.id, kind: 'GROUP' },
      });
      events.stop();
    }
    // Group members need not be friends with each other to talk.
    expect(await errorCode(bob.caller.message.send({ channelId: group.id, body: 'hi Carol' }))).toBe(
      'no error',
    );
  });

  it('allows 10 people in all, and refuses 11, strangers (by name), unknown ids and bad input', async () => {
    const alice = await h.createUser('Alice');
    const friends = await friendsOf(alice, 10);
    const stranger = await h.createUser('Zed Stranger');
    const create = (userIds: string[], name?: string) => alice.caller.dm.createGroup({ userIds, name });
    await expect(create(ids(friends))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'A group can have at most 10 people.',
    });
    await expect(create([...ids(friends.slice(0, 2)), stranger.session.userId])).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('Zed Stranger'),
    });
    expect(await errorCode(create(['forged-id']))).toBe('NOT_FOUND');
    expect(await errorCode(create([]))).toBe('BAD_REQUEST');
    expect(await errorCode(create([alice.session.userId]))).toBe('BAD_REQUEST');
    expect(await errorCode(create(ids(friends.slice(0, 1)), 'x'.repeat(51)))).toBe('BAD_REQUEST');
    expect(await errorCode(create(Array.from({ length: 51 }, (_, i) => `id${i}`)))).toBe('BAD_REQUEST');
    expect(await alice.caller.dm.list()).toEqual([]);

    const full = await create(ids(friends.slice(0, 9)));
    expect(full.members).toHaveLength(10);
  });
});

describe('group membership', () => {
  it('lets any member add their own friends, up to 10 in all', async () => {
    const alice = await h.createUser('Alice');
    const [bob] = (await friendsOf(alice, 1, 'Bob')) as [User];
    const group = await alice.caller.dm.createGroup({ userIds: [bob.session.userId] });
    const bobsFriends = await friendsOf(bob, 9, 'Bob friend');
    const add = (user: User, userIds: string[]) =>
      errorCode(user.caller.dm.addMembers({ conversationId: group.id, userIds }));

    // Alice is not friends with Bob's friends; Bob is.
    expect(await add(alice, ids(bobsFriends.slice(0, 1)))).toBe('FORBIDDEN');
    expect(await add(bob, ids(bobsFriends))).toBe('BAD_REQUEST');
    expect(await memberCount(group.id)).toBe(2);
    expect(await add(bob, [...ids(bobsFriends.slice(0, 8)), alice.session.userId])).toBe('no error');
    expect(await memberCount(group.id)).toBe(10);
    // Already in: ignored; the cap still holds.
    expect(await add(bob, ids(bobsFriends.slice(0, 1)))).toBe('no error');
    expect(await add(bob, ids(bobsFriends.slice(8)))).toBe('BAD_REQUEST');
    const newcomer = bobsFriends[0] as User;
    expect((await newcomer.caller.dm.list()).map((c) => c.id)).toEqual([group.id]);
    expect(await memberCount(group.id)).toBe(10);
  });

  it('refuses outsiders and direct conversations', async () => {
    const alice = await h.createUser('Alice');
    const [bob, carol] = (await friendsOf(alice, 2)) as [User, User];
    const group = await alice.caller.dm.createGroup({ userIds: [bob.session.userId] });
    const dm = await alice.caller.dm.open({ userId: bob.session.userId });
    await makeFriends(h.prisma, carol.session.userId, bob.session.userId);
    const c = carol.caller.dm;
    expect(await errorCode(c.addMembers({ conversationId: group.id, userIds: [bob.session.userId] }))).toBe(
      'NOT_FOUND',
    );
    expect(await errorCode(c.rename({ conversationId: group.id, name: 'mine' }))).toBe('NOT_FOUND');
    expect(await errorCode(c.leave({ conversationId: group.id }))).toBe('NOT_FOUND');
    const a = alice.caller.dm;
    expect(await errorCode(a.addMembers({ conversationId: dm.id, userIds: [carol.session.userId] }))).toBe(
      'BAD_REQUEST',
    );
    expect(await errorCode(a.leave({ conversationId: dm.id }))).toBe('BAD_REQUEST');
    expect(await errorCode(a.rename({ conversationId: dm.id, name: 'us' }))).toBe('BAD_REQUEST');
    const channel = await alice.caller.channel.create({ name: h.uniqueName('Named') });
    expect(await errorCode(a.get({ conversationId: channel.id }))).toBe('NOT_FOUND');
    expect(await errorCode(a.leave({ conversationId: channel.id }))).toBe('NOT_FOUND');
    expect(await memberCount(group.id)).toBe(2);
    expect(await memberCount(dm.id)).toBe(2);
    expect((await a.get({ conversationId: group.id })).name).toBe('');
  });

  it('ends a leaving member’s live view at once and tells the others', async () => {
    const alice = await h.createUser('Alice');
    const [bob, carol] = (await friendsOf(alice, 2)) as [User, User];
    const group = await alice.caller.dm.createGroup({ userIds: ids([bob, carol]) });
    const bobsView = await followFromNow(bob.session, { channelId: group.id });
    const alicesView = await followFromNow(alice.session, { channelId: group.id });
    const bobsEvents = await followFromNow(bob.session, 'me');

    await bob.caller.dm.leave({ conversationId: group.id });
    const left = Date.now();
    await bobsView.untilEnded();
    expect(Date.now() - left).toBeLessThan(1000);
    expect((await bobsEvents.take(1))[0]?.data).toMatchObject({
      type: 'channel.removed',
      channelId: group.id,
    });
    expect((await alicesView.take(1))[0]?.data).toMatchObject({
      type: 'member.left',
      userId: bob.session.userId,
      reason: 'left',
    });
    expect(await errorCode(bob.caller.message.send({ channelId: group.id, body: 'still here?' }))).toBe(
      'NOT_FOUND',
    );
    expect(await bob.caller.dm.list()).toEqual([]);
    expect((await alice.caller.dm.get({ conversationId: group.id })).members).toHaveLength(2);
    bobsEvents.stop();
    alicesView.stop();
  });

  it('lets the owner remove someone, whose live view ends at once; refuses others and bad targets', async () => {
    const alice = await h.createUser('Alice');
    const [bob, carol] = (await friendsOf(alice, 2)) as [User, User];
    const group = await alice.caller.dm.createGroup({ userIds: ids([bob, carol]) });
    expect(group.ownerId).toBe(alice.session.userId);
    const stranger = await h.createUser('Stranger');
    const remove = (by: User, userId: string, conversationId = group.id) =>
      by.caller.dm.removeMember({ conversationId, userId });
    expect(await errorCode(remove(bob, carol.session.userId))).toBe('FORBIDDEN');
    expect(await errorCode(remove(alice, alice.session.userId))).toBe('BAD_REQUEST');
    expect(await errorCode(remove(alice, stranger.session.userId))).toBe('NOT_FOUND');
    expect(await errorCode(remove(stranger, bob.session.userId))).toBe('NOT_FOUND');
    expect(await memberCount(group.id)).toBe(3);

    const bobsView = await followFromNow(bob.session, { channelId: group.id });
    const bobsEvents = await followFromNow(bob.session, 'me');
    const after = await remove(alice, bob.session.userId);
    const removedAt = Date.now();
    await bobsView.untilEnded();
    expect(Date.now() - removedAt).toBeLessThan(1000);
    expect(after.members.map((m) => m.name)).not.toContain('Bob');
    expect((await bobsEvents.take(1))[0]?.data).toMatchObject({
      type: 'channel.removed',
      channelId: group.id,
      reason: 'removed',
    });
    expect(await errorCode(bob.caller.channel.onEvent({ channelId: group.id }))).toBe('NOT_FOUND');
    expect(await errorCode(bob.caller.message.list({ channelId: group.id }))).toBe('NOT_FOUND');
    bobsEvents.stop();
  });

  it('renames a group for every member, live', async () => {
    const alice = await h.createUser('Alice');
    const [bob] = (await friendsOf(alice, 1)) as [User];
    const group = await alice.caller.dm.createGroup({ userIds: [bob.session.userId], name: 'Old' });
    const bobsEvents = await followFromNow(bob.session, 'me');
    const view = await followFromNow(alice.session, { channelId: group.id });

    expect(await errorCode(bob.caller.dm.rename({ conversationId: group.id, name: 'y'.repeat(51) }))).toBe(
      'BAD_REQUEST',
    );
    expect((await bob.caller.dm.rename({ conversationId: group.id, name: ' Squat club ' })).name).toBe(
      'Squat club',
    );
    const renamed = { type: 'conversation.renamed', channelId: group.id, name: 'Squat club' };
    expect((await bobsEvents.take(1))[0]?.data).toMatchObject(renamed);
    expect((await view.take(1))[0]?.data).toMatchObject(renamed);
    expect((await alice.caller.dm.list())[0]?.name).toBe('Squat club');
    bobsEvents.stop();
    view.stop();
  });

  it('lists conversations newest activity first', async () => {
    const alice = await h.createUser('Alice');
    const [bob, carol] = (await friendsOf(alice, 2)) as [User, User];
    const withBob = await alice.caller.dm.open({ userId: bob.session.userId });
    const withCarol = await alice.caller.dm.open({ userId: carol.session.userId });
    expect((await alice.caller.dm.list()).map((c) => c.id)).toEqual([withCarol.id, withBob.id]);
    await bob.caller.message.send({ channelId: withBob.id, body: 'bump' });
    const list = await alice.caller.dm.list();
    expect(list.map((c) => c.id)).toEqual([withBob.id, withCarol.id]);
    expect(list[0]?.lastMessageAt).toBeInstanceOf(Date);
  });
});
