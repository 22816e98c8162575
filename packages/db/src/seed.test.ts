import { afterAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient } from './client';
import { verifyPassword } from './password';
import { DEMO_PASSWORD, seed } from './seed';
import './testing/provided-context';

const prisma = createPrismaClient(inject('databaseUrl'), { maxConnections: 2 });
afterAll(() => prisma.$disconnect());

const snapshot = async () => ({
  users: await prisma.user.findMany({
    where: { email: { endsWith: '@spotter.dev' } },
    orderBy: { email: 'asc' },
  }),
  channels: await prisma.channel.findMany({ orderBy: { slug: 'asc' } }),
  memberships: await prisma.membership.findMany({ orderBy: [{ channelId: 'asc' }, { userId: 'asc' }] }),
  messages: await prisma.message.findMany({ orderBy: [{ channelId: 'asc' }, { seq: 'asc' }] }),
});

describe('seed', () => {
  it('is idempotent: a second run changes nothing', async () => {
    await seed(prisma);
    const first = await snapshot();
    await seed(prisma);
    expect(await snapshot()).toEqual(first);
    expect(first.users.map((u) => u.name)).toEqual(['Alice', 'Bob', 'Carol']);
  });

  it('numbers each channel’s messages 1..n as the creation events of its stream', async () => {
    await seed(prisma);
    for (const slug of ['general', 'leg-day']) {
      const channel = await prisma.channel.findUniqueOrThrow({
        where: { slug },
        include: { messages: true },
      });
      const seqs = channel.messages.map((m) => m.seq).sort((a, b) => a - b);
      expect(seqs.length).toBeGreaterThan(1);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      const stream = await prisma.stream.findUniqueOrThrow({
        where: { id: `channel:${channel.id}` },
        include: { events: { orderBy: { seq: 'asc' } } },
      });
      expect(stream.lastSeq).toBe(seqs.length);
      expect(stream.events.map((e) => [e.seq, e.type])).toEqual(seqs.map((seq) => [seq, 'message.created']));
    }
  });

  it('sets up the demo memberships and logins', async () => {
    await seed(prisma);
    const members = async (slug: string) =>
      (await prisma.membership.findMany({ where: { channel: { slug } }, include: { user: true } }))
        .map((m) => `${m.user.name}:${m.role}`)
        .sort();
    expect(await members('general')).toEqual(['Alice:OWNER', 'Bob:MEMBER', 'Carol:MEMBER']);
    expect(await members('leg-day')).toEqual(['Alice:OWNER', 'Bob:MEMBER']);
    expect(await members('coaches')).toEqual(['Alice:OWNER']);
    const coaches = await prisma.channel.findUniqueOrThrow({ where: { slug: 'coaches' } });
    expect(coaches.visibility).toBe('PRIVATE');
    const bob = await prisma.user.findUniqueOrThrow({ where: { email: 'bob@spotter.dev' } });
    expect(await verifyPassword(DEMO_PASSWORD, bob.passwordHash)).toBe(true);
  });
});
