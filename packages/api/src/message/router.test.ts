import { TRPCError } from '@trpc/server';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readEvents, readHead } from '../streams/read';
import { streamIds } from '../streams/stream-ids';
import { createApiHarness } from '../testing/api-harness';

const h = createApiHarness(inject('databaseUrl'));
afterAll(() => h.close());

async function channelWithMembers() {
  const owner = await h.createUser('Alice');
  const member = await h.createUser('Bob');
  const channel = await owner.caller.channel.create({ name: h.uniqueName('Squats') });
  await member.caller.channel.join({ channelId: channel.id });
  // Messages take the next seqs of the channel's stream, after its membership events.
  const base = (await readHead(h.prisma, streamIds.channel(channel.id))).lastSeq;
  return { owner, member, channel, base };
}

async function expectCode(promise: Promise<unknown>, code: TRPCError['code']) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  return error as TRPCError;
}

describe('message.send', () => {
  it('stores the trimmed body under the next seq and returns it', async () => {
    const { owner, member, channel, base } = await channelWithMembers();
    const first = await owner.caller.message.send({ channelId: channel.id, body: '  hello  ' });
    const second = await member.caller.message.send({ channelId: channel.id, body: 'hi Alice' });
    expect(first).toMatchObject({ seq: base + 1, body: 'hello', authorName: 'Alice', version: 1 });
    expect(second).toMatchObject({ seq: base + 2, body: 'hi Alice', authorName: 'Bob' });
    // The unique handle travels beside the display name, from the send path and from history alike.
    expect(first.authorUsername).toBe(owner.username);
    const page = await member.caller.message.list({ channelId: channel.id });
    expect(page.items.map((m) => m.body)).toEqual(['hello', 'hi Alice']);
    expect(page.items.map((m) => m.authorUsername)).toEqual([owner.username, member.username]);
  });

  it('hands out gapless seqs to concurrent senders', async () => {
    const { owner, member, channel, base } = await channelWithMembers();
    const sends = Array.from({ length: 20 }, (_, i) =>
      (i % 2 ? owner : member).caller.message.send({ channelId: channel.id, body: `rep ${i}` }),
    );
    const seqs = (await Promise.all(sends)).map((m) => m.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => base + i + 1));
    expect((await readHead(h.prisma, streamIds.channel(channel.id))).lastSeq).toBe(base + 20);
  });

  it("lands a send racing the author's removal before it, or refuses it", async () => {
    const owner = await h.createUser('Alice');
    const member = await h.createUser('Bob');
    const channel = await owner.caller.channel.create({
      name: h.uniqueName('Coaches'),
      visibility: 'PRIVATE',
    });
    await owner.caller.channel.invite({ channelId: channel.id, username: member.username });
    const send = (i: number) =>
      member.caller.message.send({ channelId: channel.id, body: `set ${i}` }).then(
        (message) => message,
        (error: TRPCError) => error.code,
      );
    // Sends keep coming while the removal runs (and one after it): some land, some are refused.
    let isRemoved = false;
    const removal = owner.caller.channel
      .removeMember({ channelId: channel.id, userId: member.session.userId })
      .finally(() => {
        isRemoved = true;
      });
    const pending: ReturnType<typeof send>[] = [];
    for (let i = 0; i < 200 && !isRemoved; i++) {
      pending.push(send(i));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await removal;
    pending.push(send(pending.length));
    const outcomes = await Promise.all(pending);
    const refusals = outcomes.filter((outcome) => typeof outcome === 'string');
    expect(refusals.length).toBeGreaterThan(0);
    expect(new Set(refusals)).toEqual(new Set(['NOT_FOUND']));
    const events = await readEvents(h.prisma, streamIds.channel(channel.id), { after: 0, limit: 100 });
    const left = events.find((event) => event.type === 'member.left');
    const posted = events.filter((event) => event.type === 'message.created');
    expect(posted).toHaveLength(outcomes.length - refusals.length);
    for (const event of posted) expect(event.seq).toBeLessThan(left?.seq ?? 0);
  });

  it('posts once when a send is retried with the same nonce, even concurrently', async () => {
    const { owner, channel, base } = await channelWithMembers();
    const input = { channelId: channel.id, body: 'set 3 done', nonce: 'nonce-1' };
    const copies = await Promise.all([1, 2, 3].map(() => owner.caller.message.send(input)));
    expect(new Set(copies.map((m) => m.id)).size).toBe(1);
    expect(await h.prisma.message.count({ where: { channelId: channel.id } })).toBe(1);
    const next = await owner.caller.message.send({ channelId: channel.id, body: 'next' });
    expect(next.seq).toBe(base + 2);
  });

  it('rejects empty and oversized bodies with BAD_REQUEST and writes nothing', async () => {
    const { owner, channel, base } = await channelWithMembers();
    const empty = await expectCode(
      owner.caller.message.send({ channelId: channel.id, body: '   ' }),
      'BAD_REQUEST',
    );
    expect(empty.message).toContain('cannot be empty');
    await expectCode(
      owner.caller.message.send({ channelId: channel.id, body: 'x'.repeat(4001) }),
      'BAD_REQUEST',
    );
    // PostgreSQL cannot store a NUL character: a clear BAD_REQUEST, never the database's own text.
    const nul = await expectCode(
      owner.caller.message.send({ channelId: channel.id, body: 'bench\u0000press' }),
      'BAD_REQUEST',
    );
    expect(nul.message).toBe(
      'A value in the request cannot be stored (e.g. a NUL character, or a number out of range).',
    );
    await expectCode(owner.caller.profile.update({ bio: 'squats\u0000daily' }), 'BAD_REQUEST');
    expect(await h.prisma.message.count({ where: { channelId: channel.id } })).toBe(0);
    const longest = await owner.caller.message.send({ channelId: channel.id, body: 'x'.repeat(4000) });
    expect(longest.seq).toBe(base + 1);
  });

  it('answers NOT_FOUND for unknown and hidden channels, FORBIDDEN for public ones you have not joined', async () => {
    const { channel } = await channelWithMembers();
    const stranger = await h.createUser('Mallory');
    await expectCode(stranger.caller.message.send({ channelId: 'no-such-channel', body: 'hi' }), 'NOT_FOUND');
    await expectCode(stranger.caller.message.send({ channelId: channel.id, body: 'hi' }), 'FORBIDDEN');
    const owner = await h.createUser('Coach');
    const hidden = await owner.caller.channel.create({
      name: h.uniqueName('Coaches'),
      visibility: 'PRIVATE',
    });
    await expectCode(stranger.caller.message.list({ channelId: hidden.id }), 'NOT_FOUND');
    expect(await h.prisma.message.count({ where: { channelId: { in: [channel.id, hidden.id] } } })).toBe(0);
  });

  it('refuses callers without a session', async () => {
    const { channel } = await channelWithMembers();
    await expectCode(h.anonymous().message.send({ channelId: channel.id, body: 'hi' }), 'UNAUTHORIZED');
  });
});

describe('message.list', () => {
  it('pages backwards through history with a seq cursor, oldest first within a page', async () => {
    const { owner, member, channel, base } = await channelWithMembers();
    for (let i = 1; i <= 120; i++) await owner.caller.message.send({ channelId: channel.id, body: `m${i}` });
    const newest = await member.caller.message.list({ channelId: channel.id });
    expect(newest.items.map((m) => m.body)).toEqual(Array.from({ length: 50 }, (_, i) => `m${71 + i}`));
    expect(newest.nextCursor).toBe(base + 71);
    expect(newest.streamSeq).toBe(base + 120);
    const older = await member.caller.message.list({ channelId: channel.id, cursor: newest.nextCursor });
    expect(older.items[0]?.body).toBe('m21');
    const oldest = await member.caller.message.list({ channelId: channel.id, cursor: older.nextCursor });
    expect(oldest.items.map((m) => m.body)).toEqual(Array.from({ length: 20 }, (_, i) => `m${i + 1}`));
    expect(oldest.nextCursor).toBeNull();
  });
});

describe('message.edit and message.delete', () => {
  it('lets authors edit and delete their own messages, bumping the version', async () => {
    const { owner, member, channel } = await channelWithMembers();
    const sent = await owner.caller.message.send({ channelId: channel.id, body: '100kg' });
    const edited = await owner.caller.message.edit({ messageId: sent.id, body: '105kg' });
    expect(edited).toMatchObject({ seq: sent.seq, body: '105kg', version: 2 });
    await expectCode(owner.caller.message.edit({ messageId: sent.id, body: ' ' }), 'BAD_REQUEST');
    expect(edited.editedAt).toBeInstanceOf(Date);
    await expectCode(member.caller.message.edit({ messageId: sent.id, body: 'hacked' }), 'FORBIDDEN');
    await expectCode(member.caller.message.delete({ messageId: sent.id }), 'FORBIDDEN');
    const deleted = await owner.caller.message.delete({ messageId: sent.id });
    expect(deleted).toMatchObject({ seq: sent.seq, body: '', version: 3 });
    const page = await member.caller.message.list({ channelId: channel.id });
    expect(page.items[0]).toMatchObject({ body: '', version: 3 });
    expect(page.items[0]?.deletedAt).toBeInstanceOf(Date);
    await expectCode(owner.caller.message.edit({ messageId: sent.id, body: 'again' }), 'NOT_FOUND');
  });
});
