import type { TRPCError } from '@trpc/server';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createApiHarness } from '../testing/api-harness';
import { errorCode } from '../testing/error-code';

const h = createApiHarness(inject('databaseUrl'));
afterAll(() => h.close());

describe('channel', () => {
  it('creates a channel with its creator as owner and a slug from the name', async () => {
    const { caller } = await h.createUser('Alice');
    const name = h.uniqueName('Leg Day!');
    const channel = await caller.channel.create({ name, description: 'Squats and lunges' });
    expect(channel).toMatchObject({ name, role: 'OWNER', memberCount: 1, visibility: 'PUBLIC' });
    expect(channel.slug).toMatch(/^leg-day-[a-z0-9]+$/);
    const mine = await caller.channel.listMine();
    expect(mine.map((c) => c.id)).toContain(channel.id);
    expect(await errorCode(caller.channel.create({ name }))).toBe('CONFLICT');
    expect(await errorCode(caller.channel.create({ name: '!!' }))).toBe('BAD_REQUEST');
    expect(await errorCode(caller.channel.create({ name: 'x' }))).toBe('BAD_REQUEST');
  });

  it('lets people browse and join public channels, and leave them', async () => {
    const alice = await h.createUser('Alice');
    const bob = await h.createUser('Bob');
    const channel = await alice.caller.channel.create({ name: h.uniqueName('Cardio') });
    const found = await bob.caller.channel.browse({ query: channel.name });
    expect(found).toEqual([expect.objectContaining({ id: channel.id, isMember: false })]);
    const joined = await bob.caller.channel.join({ channelId: channel.id });
    expect(joined).toMatchObject({ role: 'MEMBER', memberCount: 2 });
    expect(await bob.caller.channel.join({ channelId: channel.id })).toMatchObject({ memberCount: 2 });
    expect(await bob.caller.channel.get({ slug: channel.slug })).toMatchObject({
      id: channel.id,
      role: 'MEMBER',
    });
    await bob.caller.channel.leave({ channelId: channel.id });
    expect((await bob.caller.channel.listMine()).map((c) => c.id)).not.toContain(channel.id);
    expect(await errorCode(bob.caller.channel.leave({ channelId: channel.id }))).toBe('NOT_FOUND');
  });

  it('keeps private channels invisible to non-members', async () => {
    const alice = await h.createUser('Alice');
    const bob = await h.createUser('Bob');
    const secret = await alice.caller.channel.create({
      name: h.uniqueName('Coaches'),
      visibility: 'PRIVATE',
    });
    expect((await bob.caller.channel.browse({ query: secret.name })).length).toBe(0);
    expect(await errorCode(bob.caller.channel.get({ channelId: secret.id }))).toBe('NOT_FOUND');
    expect(await errorCode(bob.caller.channel.join({ channelId: secret.id }))).toBe('NOT_FOUND');
    expect(await h.prisma.membership.count({ where: { channelId: secret.id } })).toBe(1);
  });

  it('never tells a creator that a private channel of that name exists, but names a visible clash', async () => {
    const alice = await h.createUser('Alice');
    const bob = await h.createUser('Bob');
    const name = h.uniqueName('Coaches');
    const secret = await alice.caller.channel.create({ name, visibility: 'PRIVATE' });
    expect(secret.slug).toMatch(/-[0-9a-f]{8}$/);
    const open = await bob.caller.channel.create({ name });
    expect(open.slug).toBe(name.toLowerCase().replace(/[^a-z0-9]+/g, '-'));
    // A legacy private channel on the plain slug: the public one quietly gets another slug.
    const legacy = h.uniqueName('Legacy');
    const hidden = await alice.caller.channel.create({ name: legacy, visibility: 'PRIVATE' });
    const plain = legacy.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    await h.prisma.channel.update({ where: { id: hidden.id }, data: { slug: plain } });
    const second = await bob.caller.channel.create({ name: legacy });
    expect(second.slug).toMatch(new RegExp(`^${plain}-[0-9a-f]{8}$`));
    // A public clash is public knowledge: say so.
    const clash = await bob.caller.channel.create({ name }).catch((e: TRPCError) => e);
    expect((clash as TRPCError).code).toBe('CONFLICT');
  });

  it('requires a session', async () => {
    expect(await errorCode(h.anonymous().channel.listMine())).toBe('UNAUTHORIZED');
  });
});
