import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Session } from '../context';
import type { StreamItem } from '../streams/events';
import { readHead } from '../streams/read';
import { streamIds } from '../streams/stream-ids';
import { createApiHarness } from '../testing/api-harness';
import { errorCode } from '../testing/error-code';
import { readSubscription } from '../testing/subscription';
import { MAX_MENTIONS } from './resolve';

const h = createApiHarness(inject('databaseUrl'));
afterAll(() => h.close());

async function user(name: string) {
  const created = await h.createUser(name);
  const { username } = await h.prisma.user.findUniqueOrThrow({
    where: { id: created.session.userId },
    select: { username: true },
  });
  return { ...created, id: created.session.userId, username };
}

/** Alice posts in a channel Bob and Dave are in (Dave blocked Alice); Carol is outside. */
async function setup() {
  const [alice, bob, carol, dave] = await Promise.all([
    user('Alice'),
    user('Bob'),
    user('Carol'),
    user('Dave'),
  ]);
  const channel = await alice.caller.channel.create({ name: h.uniqueName('Mentions') });
  await bob.caller.channel.join({ channelId: channel.id });
  await dave.caller.channel.join({ channelId: channel.id });
  await h.prisma.relationship.create({ data: { userId: dave.id, otherId: alice.id, kind: 'BLOCKED' } });
  const send = (body: string, nonce?: string) =>
    alice.caller.message.send({ channelId: channel.id, body, nonce });
  return { alice, bob, carol, dave, channel, send };
}

const userHead = async (userId: string) => (await readHead(h.prisma, streamIds.user(userId))).lastSeq;

/** Follows the user's personal stream from its current head: only what happens next arrives. */
async function followMe(session: Session) {
  const controller = new AbortController();
  const lastEventId = String(await userHead(session.userId));
  const iterable = await h.callerFor(session, controller.signal).me.onEvent({ lastEventId });
  return { ...readSubscription<StreamItem>(iterable), stop: () => controller.abort() };
}

/** Takes items until one of `type` arrives, and returns it. */
async function next<T extends StreamItem['type']>(
  stream: { take: (n: number) => Promise<{ data: StreamItem }[]> },
  type: T,
): Promise<Extract<StreamItem, { type: T }>> {
  for (;;) {
    const [item] = await stream.take(1);
    if (item?.data.type === type) return item.data as Extract<StreamItem, { type: T }>;
  }
}

const mentionsOf = (userId: string) =>
  h.prisma.mention.findMany({ where: { userId }, select: { messageId: true } });
const notificationsOf = (userId: string) =>
  h.prisma.notification.findMany({
    where: { userId },
    select: { kind: true, messageId: true, actorId: true },
  });

describe('mentions in messages', () => {
  it('stores a member’s @username as <@id>, returns who it names, and leaves everything else as text', async () => {
    const { alice, bob, carol, dave, send } = await setup();
    const body = `@${bob.username.toUpperCase()} spot me; @${carol.username} @${dave.username} @${alice.username} @nobody_here mail ${bob.username}@gym.com`;
    const sent = await send(body);
    expect(sent.body).toBe(
      `<@${bob.id}> spot me; @${carol.username} @${dave.username} @${alice.username} @nobody_here mail ${bob.username}@gym.com`,
    );
    expect(sent.mentions).toEqual([{ id: bob.id, username: bob.username, name: 'Bob' }]);
    expect(await mentionsOf(bob.id)).toEqual([{ messageId: sent.id }]);
    // Not a member, blocked the author, the author themself: no mention, no notification.
    for (const other of [carol, dave, alice]) {
      expect(await mentionsOf(other.id)).toEqual([]);
      expect(await notificationsOf(other.id)).toEqual([]);
    }
  });

  it('does not mention someone the author blocked either', async () => {
    const { alice, bob, send } = await setup();
    await h.prisma.relationship.create({ data: { userId: alice.id, otherId: bob.id, kind: 'BLOCKED' } });
    const sent = await send(`hi @${bob.username}`);
    expect(sent).toMatchObject({ body: `hi @${bob.username}`, mentions: [] });
    expect(await notificationsOf(bob.id)).toEqual([]);
  });

  it('notifies the mentioned user on their personal stream, with the conversation and an excerpt', async () => {
    const { alice, bob, channel, send } = await setup();
    const stream = await followMe(bob.session);
    const sent = await send(`@${bob.username} leg day at 6?`);
    expect(await next(stream, 'notification.created')).toMatchObject({
      type: 'notification.created',
      unreadCount: 1,
      notification: {
        kind: 'MENTION',
        actor: { id: alice.id, username: alice.username, name: 'Alice' },
        channelId: channel.id,
        messageId: sent.id,
        conversation: { id: channel.id, kind: 'CHANNEL', slug: channel.slug, name: channel.name },
        excerpt: `@${bob.username} leg day at 6?`,
        readAt: null,
      },
    });
    stream.stop();
  });

  it('writes the message, its mentions and notifications together or not at all', async () => {
    const { alice, bob, channel } = await setup();
    const outsider = await user('Outsider');
    const before = await userHead(bob.id);
    // The outsider cannot post here: nothing is stored for Bob either.
    const refused = outsider.caller.message.send({ channelId: channel.id, body: `@${bob.username} hi` });
    expect(await errorCode(refused)).toBe('FORBIDDEN');
    expect(await notificationsOf(bob.id)).toEqual([]);
    expect(await userHead(bob.id)).toBe(before);
    // A retried send (same nonce) stores and notifies once, and answers with the first copy.
    const first = await alice.caller.message.send({
      channelId: channel.id,
      body: `@${bob.username} hi`,
      nonce: 'n1',
    });
    const again = await alice.caller.message.send({
      channelId: channel.id,
      body: `@${bob.username} hi`,
      nonce: 'n1',
    });
    expect(again).toEqual(first);
    expect(await notificationsOf(bob.id)).toHaveLength(1);
    expect(await userHead(bob.id)).toBe(before + 1);
  });

  it('refuses a mass mention with BAD_REQUEST and stores nothing', async () => {
    const { alice, channel } = await setup();
    const crowd = await Promise.all(Array.from({ length: MAX_MENTIONS + 1 }, () => user('Crowd')));
    for (const member of crowd) await member.caller.channel.join({ channelId: channel.id });
    const body = crowd.map((member) => `@${member.username}`).join(' ');
    expect(await errorCode(alice.caller.message.send({ channelId: channel.id, body }))).toBe('BAD_REQUEST');
    expect(await h.prisma.message.count({ where: { channelId: channel.id } })).toBe(0);
    expect(await h.prisma.notification.count({ where: { userId: { in: crowd.map((m) => m.id) } } })).toBe(0);
  });

  it('notifies on edit only the people the edit newly mentions, and drops mentions it removes', async () => {
    const { alice, bob, channel, send } = await setup();
    const erin = await user('Erin');
    await erin.caller.channel.join({ channelId: channel.id });
    const sent = await send(`@${bob.username} squat?`);
    const edited = await alice.caller.message.edit({
      messageId: sent.id,
      body: `@${bob.username} @${erin.username} squat?`,
    });
    expect(edited.body).toBe(`<@${bob.id}> <@${erin.id}> squat?`);
    expect(edited.mentions.map((m) => m.id).sort()).toEqual([bob.id, erin.id].sort());
    expect(await notificationsOf(bob.id)).toHaveLength(1);
    expect(await notificationsOf(erin.id)).toEqual([
      { kind: 'MENTION', messageId: sent.id, actorId: alice.id },
    ]);
    // Editing the stored form back (as a client may) keeps the mentions and notifies no one again.
    const resent = await alice.caller.message.edit({ messageId: sent.id, body: `<@${erin.id}> only you` });
    expect(resent.mentions.map((m) => m.id)).toEqual([erin.id]);
    expect(await mentionsOf(bob.id)).toEqual([]);
    expect(await notificationsOf(erin.id)).toHaveLength(1);
  });

  it('shows old mentions with the mentioned user’s new name, in history and in replays', async () => {
    const { bob, channel, send } = await setup();
    const sent = await send(`nice lift @${bob.username}`);
    await h.prisma.user.update({
      where: { id: bob.id },
      data: { username: `${bob.username}x`, name: 'Robert' },
    });
    const renamed = { id: bob.id, username: `${bob.username}x`, name: 'Robert' };
    const page = await bob.caller.message.list({ channelId: channel.id });
    expect(page.items.find((m) => m.id === sent.id)).toMatchObject({
      body: `nice lift <@${bob.id}>`,
      mentions: [renamed],
    });
    const controller = new AbortController();
    const replay = readSubscription<StreamItem>(
      await h
        .callerFor(bob.session, controller.signal)
        .channel.onEvent({ channelId: channel.id, lastEventId: '0' }),
    );
    expect(await next(replay, 'message.created')).toMatchObject({
      message: { id: sent.id, mentions: [renamed] },
    });
    controller.abort();
  });

  it('sends a body without mentions along the hot path, with no mentions', async () => {
    const { send } = await setup();
    expect((await send('plain text')).mentions).toEqual([]);
    expect((await send('mail me at a@b.com')).mentions).toEqual([]);
  });
});

describe('mention.search (the composer’s @-autocomplete)', () => {
  it('offers members by username or name prefix, never the caller, outsiders or blocked people', async () => {
    const { alice, bob, carol, channel } = await setup();
    const search = (prefix: string) =>
      alice.caller.mention.search({ channelId: channel.id, prefix }).then((users) => users.map((u) => u.id));
    expect(await search('')).toEqual([bob.id]);
    expect(await search(bob.username.slice(0, 3).toUpperCase())).toEqual([bob.id]);
    expect(await search('BO')).toEqual([bob.id]);
    expect(await search('zz')).toEqual([]);
    expect(await search(carol.username)).toEqual([]);
  });

  it('refuses outsiders and malformed prefixes', async () => {
    const { alice, carol, channel } = await setup();
    expect(await errorCode(carol.caller.mention.search({ channelId: channel.id, prefix: 'bo' }))).toBe(
      'FORBIDDEN',
    );
    expect(await errorCode(alice.caller.mention.search({ channelId: channel.id, prefix: 'a b' }))).toBe(
      'BAD_REQUEST',
    );
    expect(
      await errorCode(alice.caller.mention.search({ channelId: channel.id, prefix: 'x'.repeat(33) })),
    ).toBe('BAD_REQUEST');
    expect(
      await errorCode(alice.caller.mention.search({ channelId: channel.id, prefix: 'a', limit: 11 })),
    ).toBe('BAD_REQUEST');
  });
});
