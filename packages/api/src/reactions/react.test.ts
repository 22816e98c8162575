import { afterAll, describe, expect, inject, it } from 'vitest';
import { conversationTestKit } from '../conversations/test-support';
import { readHead } from '../streams/read';
import { streamIds } from '../streams/stream-ids';
import { createApiHarness } from '../testing/api-harness';
import { errorCode } from '../testing/error-code';

const h = createApiHarness(inject('databaseUrl'), { limits: { reaction: { points: 3, durationS: 60 } } });
afterAll(() => h.close());

const { friendsOf, subscribe } = conversationTestKit(h);

/** Ann's channel with Ben in it, and a message of Ann's. */
async function channelWithMessage() {
  const ann = await h.createUser('Ann');
  const ben = await h.createUser('Ben');
  const channel = await ann.caller.channel.create({ name: h.uniqueName('Lifters') });
  await ben.caller.channel.join({ channelId: channel.id });
  const message = await ann.caller.message.send({ channelId: channel.id, body: 'new PR today' });
  return { ann, ben, channel, message };
}

const headOf = async (channelId: string) => (await readHead(h.prisma, streamIds.channel(channelId))).lastSeq;
const userIdOf = (user: { session: { userId: string } }) => user.session.userId;

describe('message.react and unreact', () => {
  it('adds and takes back reactions as new versions of the message, live on the channel stream', async () => {
    const { ann, ben, channel, message } = await channelWithMessage();
    const from = String(await headOf(channel.id));
    const tab = await subscribe(ann.session, (c) =>
      c.channel.onEvent({ channelId: channel.id, lastEventId: from }),
    );

    const first = await ben.caller.message.react({ messageId: message.id, emoji: '💪' });
    expect(first).toMatchObject({ version: message.version + 1, editedAt: null });
    expect(first.reactions).toEqual([{ emoji: '💪', userIds: [userIdOf(ben)] }]);
    await ann.caller.message.react({ messageId: message.id, emoji: '🔥' });
    const both = await ann.caller.message.react({ messageId: message.id, emoji: '💪' });
    // By emoji in the order each was first used, each emoji's people in the order they reacted.
    expect(both.reactions).toEqual([
      { emoji: '💪', userIds: [userIdOf(ben), userIdOf(ann)] },
      { emoji: '🔥', userIds: [userIdOf(ann)] },
    ]);
    // Ben takes his back: 💪 now dates from Ann's, after her 🔥.
    const back = await ben.caller.message.unreact({ messageId: message.id, emoji: '💪' });
    expect(back.reactions).toEqual([
      { emoji: '🔥', userIds: [userIdOf(ann)] },
      { emoji: '💪', userIds: [userIdOf(ann)] },
    ]);

    // Ann's open conversation saw each change as it happened.
    const events = (await tab.take(4)).map((item) => item.data);
    expect(events.map((event) => event.type)).toEqual(Array(4).fill('message.reacted'));
    expect(events.at(-1)).toMatchObject({ message: { id: message.id, version: back.version } });
    tab.stop();

    // History shows them too; the body is untouched, and it counts as no edit.
    const page = await ben.caller.message.list({ channelId: channel.id });
    expect(page.items.find((m) => m.id === message.id)).toMatchObject({
      body: 'new PR today',
      editedAt: null,
      reactions: back.reactions,
    });
  });

  it('is idempotent: the same reaction twice, or one never given taken back, changes and announces nothing', async () => {
    const { ben, channel, message } = await channelWithMessage();
    const once = await ben.caller.message.react({ messageId: message.id, emoji: '👍' });
    const head = await headOf(channel.id);
    const twice = await ben.caller.message.react({ messageId: message.id, emoji: '👍' });
    const never = await ben.caller.message.unreact({ messageId: message.id, emoji: '🎉' });
    expect([twice.version, never.version]).toEqual([once.version, once.version]);
    expect(twice.reactions).toEqual([{ emoji: '👍', userIds: [userIdOf(ben)] }]);
    expect(await headOf(channel.id)).toBe(head);
  });

  it('refuses outsiders, deleted messages, emoji off the palette and bad input, changing nothing', async () => {
    const { ann, channel, message } = await channelWithMessage();
    const outsider = await h.createUser('Cy');
    const head = await headOf(channel.id);
    // A public channel Cy has not joined: FORBIDDEN, as reading it would be.
    expect(await errorCode(outsider.caller.message.react({ messageId: message.id, emoji: '💪' }))).toBe(
      'FORBIDDEN',
    );
    expect(await errorCode(ann.caller.message.react({ messageId: 'no-such-message', emoji: '💪' }))).toBe(
      'NOT_FOUND',
    );
    const bad = ann.caller.message.react({ messageId: message.id, emoji: '🍕' as '💪' });
    await expect(bad).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(bad).rejects.toThrow('React with one of 💪 🔥 👍 ❤️ 😂 🎉.');
    expect(await errorCode(ann.caller.message.react({ messageId: 'x'.repeat(65), emoji: '💪' }))).toBe(
      'BAD_REQUEST',
    );
    expect(await headOf(channel.id)).toBe(head);

    await ann.caller.message.delete({ messageId: message.id });
    expect(await errorCode(ann.caller.message.react({ messageId: message.id, emoji: '💪' }))).toBe(
      'NOT_FOUND',
    );
  });

  it('takes several people reacting at once: every reaction lands, one version each', async () => {
    const { ann, channel, message } = await channelWithMessage();
    const others = await Promise.all(['Cy', 'Di', 'Ed', 'Flo'].map((name) => h.createUser(name)));
    for (const other of others) await other.caller.channel.join({ channelId: channel.id });
    const head = await headOf(channel.id);
    await Promise.all(
      [ann, ...others].map((user) => user.caller.message.react({ messageId: message.id, emoji: '🔥' })),
    );
    const [view] = (await ann.caller.message.list({ channelId: channel.id })).items.filter(
      (m) => m.id === message.id,
    );
    expect(view?.reactions[0]?.userIds.toSorted()).toEqual([ann, ...others].map(userIdOf).toSorted());
    expect(view?.version).toBe(message.version + 5);
    expect(await headOf(channel.id)).toBe(head + 5);
  });

  it('in a direct conversation, only while the two are friends', async () => {
    const ann = await h.createUser('Ann');
    const [ben] = await friendsOf(ann, 'Ben');
    if (!ben) throw new Error('Ben expected');
    const dm = await ann.caller.dm.open({ userId: userIdOf(ben) });
    const message = await ann.caller.message.send({ channelId: dm.id, body: 'spot me?' });
    expect((await ben.caller.message.react({ messageId: message.id, emoji: '👍' })).reactions).toHaveLength(
      1,
    );
    await ann.caller.friends.block({ userId: userIdOf(ben) });
    await expect(ben.caller.message.unreact({ messageId: message.id, emoji: '👍' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'You can only message friends.',
    });
  });

  it('a deleted message shows no reactions, in history and in its event', async () => {
    const { ann, ben, channel, message } = await channelWithMessage();
    await ben.caller.message.react({ messageId: message.id, emoji: '❤️' });
    const deleted = await ann.caller.message.delete({ messageId: message.id });
    expect(deleted.reactions).toEqual([]);
    const page = await ben.caller.message.list({ channelId: channel.id });
    expect(page.items.find((m) => m.id === message.id)?.reactions).toEqual([]);
  });

  it('limits how fast one person reacts (TOO_MANY_REQUESTS), across messages', async () => {
    const { ann, ben, channel, message } = await channelWithMessage();
    const other = await ann.caller.message.send({ channelId: channel.id, body: 'and another' });
    await ben.caller.message.react({ messageId: message.id, emoji: '💪' });
    await ben.caller.message.react({ messageId: message.id, emoji: '🔥' });
    await ben.caller.message.unreact({ messageId: message.id, emoji: '🔥' });
    expect(await errorCode(ben.caller.message.react({ messageId: other.id, emoji: '💪' }))).toBe(
      'TOO_MANY_REQUESTS',
    );
    // Ann has her own allowance.
    expect((await ann.caller.message.react({ messageId: other.id, emoji: '💪' })).reactions).toHaveLength(1);
  });
});
