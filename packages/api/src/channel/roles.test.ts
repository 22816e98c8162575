import { afterAll, describe, expect, inject, it } from 'vitest';
import { conversationTestKit } from '../conversations/test-support';
import { createApiHarness } from '../testing/api-harness';
import { errorCode } from '../testing/error-code';

const h = createApiHarness(inject('databaseUrl'));
afterAll(() => h.close());
const { subscribe } = conversationTestKit(h);

type User = Awaited<ReturnType<typeof h.createUser>>;

/** Alice owns a public channel; Bob, Carol and Dave are members; Bob posted a message. */
async function channelWithMembers() {
  const [alice, bob, carol, dave] = await Promise.all(
    ['Alice', 'Bob', 'Carol', 'Dave'].map((n) => h.createUser(n)),
  );
  const a = alice as User;
  const channel = await a.caller.channel.create({ name: h.uniqueName('Track') });
  for (const user of [bob, carol, dave] as User[]) await user.caller.channel.join({ channelId: channel.id });
  const posted = await (bob as User).caller.message.send({ channelId: channel.id, body: 'spam spam' });
  return { alice: a, bob: bob as User, carol: carol as User, dave: dave as User, channel, posted };
}

const roles = async (by: User, channelId: string) =>
  Object.fromEntries((await by.caller.channel.members({ channelId })).map((m) => [m.name, m.role]));

describe('channel roles', () => {
  it('lets a moderator delete others’ messages; a member cannot, and an edit stays the author’s', async () => {
    const { alice, bob, carol, channel, posted } = await channelWithMembers();
    const deleteAs = (user: User) => errorCode(user.caller.message.delete({ messageId: posted.id }));
    expect(await deleteAs(carol)).toBe('FORBIDDEN');
    await alice.caller.channel.setRole({
      channelId: channel.id,
      userId: carol.session.userId,
      role: 'MODERATOR',
    });
    expect(await errorCode(carol.caller.message.edit({ messageId: posted.id, body: 'rewritten' }))).toBe(
      'FORBIDDEN',
    );
    const view = await subscribe(bob.session, (caller) => caller.channel.onEvent({ channelId: channel.id }));
    await view.take(1); // the sync marker
    expect(await deleteAs(carol)).toBe('no error');
    await expect.poll(() => view.items.map((item) => item.data.type)).toContain('message.deleted');
    const page = await bob.caller.message.list({ channelId: channel.id });
    expect(page.items.find((m) => m.id === posted.id)?.deletedAt).toBeTruthy();
    view.stop();
  });

  it('lets owners promote and demote, live for everyone; members and moderators cannot', async () => {
    const { alice, bob, carol, channel } = await channelWithMembers();
    const view = await subscribe(bob.session, (caller) => caller.channel.onEvent({ channelId: channel.id }));
    await view.take(1);
    const promote = (by: User, user: User, role: 'MODERATOR' | 'MEMBER' = 'MODERATOR') =>
      errorCode(by.caller.channel.setRole({ channelId: channel.id, userId: user.session.userId, role }));
    expect(await promote(bob, bob)).toBe('FORBIDDEN');
    expect(await promote(alice, carol)).toBe('no error');
    expect(await promote(carol, bob)).toBe('FORBIDDEN');
    expect(await roles(bob, channel.id)).toMatchObject({ Alice: 'OWNER', Carol: 'MODERATOR', Bob: 'MEMBER' });
    await expect
      .poll(() => view.items.map((item) => item.data))
      .toContainEqual(
        expect.objectContaining({
          type: 'member.joined',
          member: expect.objectContaining({ name: 'Carol', role: 'MODERATOR' }),
        }),
      );
    expect(await promote(alice, carol, 'MEMBER')).toBe('no error');
    expect((await roles(bob, channel.id)).Carol).toBe('MEMBER');
    view.stop();
  });

  it('refuses promoting a non-member, demoting the owner, transferring to a non-member, and bad input', async () => {
    const { alice, bob, channel } = await channelWithMembers();
    const outsider = await h.createUser('Outsider');
    const setRole = (userId: string, role: string) =>
      errorCode(alice.caller.channel.setRole({ channelId: channel.id, userId, role: role as 'MEMBER' }));
    expect(await setRole(outsider.session.userId, 'MODERATOR')).toBe('NOT_FOUND');
    expect(await setRole(alice.session.userId, 'MEMBER')).toBe('BAD_REQUEST');
    expect(await setRole(bob.session.userId, 'OWNER')).toBe('BAD_REQUEST');
    expect(await setRole('x'.repeat(65), 'MODERATOR')).toBe('BAD_REQUEST');
    expect(await setRole('', 'MODERATOR')).toBe('BAD_REQUEST');
    const transfer = (by: User, userId: string) =>
      errorCode(by.caller.channel.transferOwnership({ channelId: channel.id, userId }));
    expect(await transfer(alice, outsider.session.userId)).toBe('NOT_FOUND');
    expect(await transfer(alice, alice.session.userId)).toBe('BAD_REQUEST');
    expect(await transfer(bob, bob.session.userId)).toBe('FORBIDDEN');
    expect(await transfer(outsider, bob.session.userId)).toBe('FORBIDDEN');
    // Nothing changed.
    expect(await roles(alice, channel.id)).toEqual({
      Alice: 'OWNER',
      Bob: 'MEMBER',
      Carol: 'MEMBER',
      Dave: 'MEMBER',
    });
  });

  it('transfers ownership: the new owner manages roles, the old one stays on as a moderator', async () => {
    const { alice, bob, carol, channel } = await channelWithMembers();
    await alice.caller.channel.transferOwnership({ channelId: channel.id, userId: bob.session.userId });
    expect(await roles(carol, channel.id)).toMatchObject({
      Bob: 'OWNER',
      Alice: 'MODERATOR',
      Carol: 'MEMBER',
    });
    expect(
      await errorCode(
        alice.caller.channel.setRole({
          channelId: channel.id,
          userId: carol.session.userId,
          role: 'MODERATOR',
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await errorCode(
        bob.caller.channel.setRole({ channelId: channel.id, userId: alice.session.userId, role: 'MEMBER' }),
      ),
    ).toBe('no error');
  });

  it('lets a moderator remove a member, whose live views end; only the owner removes a moderator', async () => {
    const { alice, bob, carol, dave, channel } = await channelWithMembers();
    await alice.caller.channel.setRole({
      channelId: channel.id,
      userId: carol.session.userId,
      role: 'MODERATOR',
    });
    await alice.caller.channel.setRole({
      channelId: channel.id,
      userId: dave.session.userId,
      role: 'MODERATOR',
    });
    const remove = (by: User, user: User) =>
      errorCode(by.caller.channel.removeMember({ channelId: channel.id, userId: user.session.userId }));
    expect(await remove(bob, dave)).toBe('FORBIDDEN');
    expect(await remove(carol, dave)).toBe('FORBIDDEN');
    expect(await remove(carol, alice)).toBe('FORBIDDEN');

    const messages = await subscribe(bob.session, (caller) =>
      caller.channel.onEvent({ channelId: channel.id }),
    );
    const typing = await subscribe(bob.session, (caller) =>
      caller.typing.onUpdate({ channelId: channel.id }),
    );
    await messages.take(1);
    expect(await remove(carol, bob)).toBe('no error');
    await messages.untilEnded();
    await typing.untilEnded();
    expect(await errorCode(bob.caller.message.send({ channelId: channel.id, body: 'back?' }))).toBe(
      'FORBIDDEN',
    );
    expect(await remove(alice, dave)).toBe('no error');
    expect(Object.keys(await roles(alice, channel.id)).sort()).toEqual(['Alice', 'Carol']);
  });
});
