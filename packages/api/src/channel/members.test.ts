import { afterAll, describe, expect, inject, it } from 'vitest';
import { createApiHarness } from '../testing/api-harness';
import { errorCode } from '../testing/error-code';

const h = createApiHarness(inject('databaseUrl'));
afterAll(() => h.close());

/** Alice owns a private channel; Bob is in it; Carol is not. */
async function privateChannel() {
  const alice = await h.createUser('Alice');
  const bob = await h.createUser('Bob');
  const carol = await h.createUser('Carol');
  const channel = await alice.caller.channel.create({ name: h.uniqueName('Coaches'), visibility: 'PRIVATE' });
  await alice.caller.channel.invite({ channelId: channel.id, username: bob.username });
  return { alice, bob, carol, channel };
}

const names = (members: { name: string; role: string }[]) => members.map((m) => `${m.name} ${m.role}`);

describe('channel membership', () => {
  it('lets any member invite by username (any case) and shows the invitee the channel', async () => {
    const { alice, bob, carol, channel } = await privateChannel();
    const invited = await bob.caller.channel.invite({
      channelId: channel.id,
      username: `  ${carol.username.toUpperCase()} `,
    });
    expect(invited).toEqual({ userId: carol.session.userId, name: 'Carol', role: 'MEMBER' });
    expect(names(await alice.caller.channel.members({ channelId: channel.id }))).toEqual([
      'Alice OWNER',
      'Bob MEMBER',
      'Carol MEMBER',
    ]);
    expect((await carol.caller.channel.listMine()).map((c) => c.id)).toContain(channel.id);
    expect(await carol.caller.channel.get({ slug: channel.slug })).toMatchObject({ role: 'MEMBER' });
  });

  it('refuses invitations to unknown usernames, malformed ones, members, and from outsiders', async () => {
    const { alice, bob, carol, channel } = await privateChannel();
    const invite = (caller: typeof alice.caller, username: string) =>
      errorCode(caller.channel.invite({ channelId: channel.id, username }));
    expect(await invite(alice.caller, 'nobody_here_at_all')).toBe('NOT_FOUND');
    expect(await invite(alice.caller, 'not a name!')).toBe('BAD_REQUEST');
    expect(await invite(alice.caller, 'a'.repeat(40))).toBe('BAD_REQUEST');
    // An email is not a username: invites cannot probe which emails have accounts.
    expect(await invite(alice.caller, carol.session.email)).toBe('BAD_REQUEST');
    expect(await invite(alice.caller, bob.username)).toBe('CONFLICT');
    // An outsider cannot learn that the private channel exists, let alone add people to it.
    expect(await invite(carol.caller, carol.username)).toBe('NOT_FOUND');
    expect(
      await errorCode(h.anonymous().channel.invite({ channelId: channel.id, username: 'someone' })),
    ).toBe('UNAUTHORIZED');
    expect(await h.prisma.membership.count({ where: { channelId: channel.id } })).toBe(2);
  });

  it('lets only the owner remove people, and not themselves', async () => {
    const { alice, bob, carol, channel } = await privateChannel();
    await alice.caller.channel.invite({ channelId: channel.id, username: carol.username });
    const remove = (caller: typeof alice.caller, userId: string) =>
      errorCode(caller.channel.removeMember({ channelId: channel.id, userId }));
    expect(await remove(bob.caller, carol.session.userId)).toBe('FORBIDDEN');
    expect(await remove(alice.caller, alice.session.userId)).toBe('BAD_REQUEST');

    expect(await remove(alice.caller, carol.session.userId)).toBe('no error');
    expect(await remove(alice.caller, carol.session.userId)).toBe('NOT_FOUND');
    // Removed from a private channel: it is as invisible to Carol as if it did not exist.
    expect(await errorCode(carol.caller.channel.get({ slug: channel.slug }))).toBe('NOT_FOUND');
    expect(await errorCode(carol.caller.channel.members({ channelId: channel.id }))).toBe('NOT_FOUND');
    expect(await remove(carol.caller, bob.session.userId)).toBe('NOT_FOUND');
    expect(names(await bob.caller.channel.members({ channelId: channel.id }))).toEqual([
      'Alice OWNER',
      'Bob MEMBER',
    ]);
  });

  it('hands ownership to the longest-standing member when the owner leaves', async () => {
    const { alice, bob, carol, channel } = await privateChannel();
    await alice.caller.channel.invite({ channelId: channel.id, username: carol.username });
    await alice.caller.channel.leave({ channelId: channel.id });
    expect(names(await bob.caller.channel.members({ channelId: channel.id }))).toEqual([
      'Bob OWNER',
      'Carol MEMBER',
    ]);
    // The new owner can manage the channel; the old one is an outsider now.
    expect(
      await errorCode(
        carol.caller.channel.removeMember({ channelId: channel.id, userId: bob.session.userId }),
      ),
    ).toBe('FORBIDDEN');
    await bob.caller.channel.removeMember({ channelId: channel.id, userId: carol.session.userId });
    expect(await errorCode(alice.caller.channel.leave({ channelId: channel.id }))).toBe('NOT_FOUND');
    expect(await errorCode(alice.caller.channel.get({ channelId: channel.id }))).toBe('NOT_FOUND');
  });

  it('answers a private channel one is not in exactly like a channel that does not exist', async () => {
    const { carol, channel } = await privateChannel();
    const missing = h.uniqueName('no-such-channel').replace(' ', '-');
    const failure = (call: Promise<unknown>) =>
      call.then(
        () => 'no error',
        (error: { code?: string; message: string }) => ({ code: error.code, message: error.message }),
      );
    const hidden = await failure(carol.caller.channel.get({ slug: channel.slug }));
    expect(hidden).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(carol.caller.channel.get({ slug: missing }))).toEqual(hidden);
    expect(await errorCode(carol.caller.channel.members({ channelId: channel.id }))).toBe('NOT_FOUND');
    expect(await errorCode(carol.caller.channel.join({ channelId: channel.id }))).toBe('NOT_FOUND');
    expect(await errorCode(carol.caller.channel.get({ slug: '' }))).toBe('BAD_REQUEST');
  });

  it('shows a public channel to a visitor without a role, and its members only to members', async () => {
    const alice = await h.createUser('Alice');
    const visitor = await h.createUser('Visitor');
    const channel = await alice.caller.channel.create({ name: h.uniqueName('Cardio') });
    expect(await visitor.caller.channel.get({ slug: channel.slug })).toMatchObject({
      id: channel.id,
      role: null,
    });
    expect(await errorCode(visitor.caller.channel.members({ channelId: channel.id }))).toBe('FORBIDDEN');
    expect(
      await errorCode(visitor.caller.channel.invite({ channelId: channel.id, username: visitor.username })),
    ).toBe('FORBIDDEN');
    expect(await errorCode(visitor.caller.channel.leave({ channelId: channel.id }))).toBe('NOT_FOUND');
  });
});

describe('me.home', () => {
  it('lands on the channel visited last while still a member, else the first one', async () => {
    const { alice, bob, channel } = await privateChannel();
    const other = await alice.caller.channel.create({ name: h.uniqueName('Zumba') });
    await bob.caller.channel.join({ channelId: other.id });
    await bob.caller.me.rememberChannel({ channelId: other.id });
    expect(await bob.caller.me.home()).toBe(other.slug);

    await bob.caller.channel.leave({ channelId: other.id });
    expect(await bob.caller.me.home()).toBe(channel.slug);
    // A channel one is not in is never remembered.
    await bob.caller.me.rememberChannel({ channelId: other.id });
    expect(await bob.caller.me.home()).toBe(channel.slug);

    await alice.caller.channel.removeMember({ channelId: channel.id, userId: bob.session.userId });
    expect(await bob.caller.me.home()).toBeNull();
  });
});
