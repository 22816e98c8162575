import { afterAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient } from './client';
import { verifyPassword } from './password';
import { DEMO_PASSWORD, seed } from './seed';
import './testing/provided-context';

const prisma = createPrismaClient(inject('databaseUrl'), { maxConnections: 2 });
afterAll(() => prisma.$disconnect());

/** "Alice→Bob:FRIEND" for every relationship row between the demo users. */
const demoRelationships = async () =>
  (
    await prisma.relationship.findMany({
      where: {
        user: { email: { endsWith: '@spotter.dev' } },
        other: { email: { endsWith: '@spotter.dev' } },
      },
      include: { user: true, other: true },
    })
  )
    .map((r) => `${r.user.name}→${r.other.name}:${r.kind}`)
    .sort();

const snapshot = async () => ({
  users: await prisma.user.findMany({
    where: { email: { endsWith: '@spotter.dev' } },
    orderBy: { email: 'asc' },
  }),
  channels: await prisma.channel.findMany({ orderBy: { slug: 'asc' } }),
  memberships: await prisma.membership.findMany({ orderBy: [{ channelId: 'asc' }, { userId: 'asc' }] }),
  messages: await prisma.message.findMany({ orderBy: [{ channelId: 'asc' }, { seq: 'asc' }] }),
  relationships: await demoRelationships(),
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

  it('counts each author as having read their channel up to their own last message', async () => {
    await seed(prisma);
    const general = await prisma.channel.findUniqueOrThrow({
      where: { slug: 'general' },
      include: { memberships: { include: { user: true } }, messages: { include: { author: true } } },
    });
    for (const membership of general.memberships) {
      const own = general.messages.filter((m) => m.authorId === membership.userId).map((m) => m.seq);
      expect(membership.lastReadSeq, membership.user.name).toBe(Math.max(0, ...own));
    }
  });

  it('makes Alice friends with Bob and with Carol, and leaves Bob and Carol free to try a request', async () => {
    await seed(prisma);
    expect(await demoRelationships()).toEqual([
      'Alice→Bob:FRIEND',
      'Alice→Carol:FRIEND',
      'Bob→Alice:FRIEND',
      'Carol→Alice:FRIEND',
    ]);
  });

  it('leaves a block between two demo friends as it is', async () => {
    await seed(prisma);
    const [alice, carol] = await Promise.all(
      ['alice@spotter.dev', 'carol@spotter.dev'].map((email) =>
        prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } }),
      ),
    );
    // Carol blocks Alice (her row becomes BLOCKED, Alice's side is gone), and the demo is seeded again.
    await prisma.relationship.delete({
      where: { userId_otherId: { userId: alice?.id as string, otherId: carol?.id as string } },
    });
    await prisma.relationship.update({
      where: { userId_otherId: { userId: carol?.id as string, otherId: alice?.id as string } },
      data: { kind: 'BLOCKED' },
    });
    await seed(prisma);
    expect((await demoRelationships()).filter((row) => row.includes('Carol'))).toEqual([
      'Carol→Alice:BLOCKED',
    ]);
    // Carol unblocks: with nothing between them, the next seed makes them friends again (for the other tests).
    await prisma.relationship.delete({
      where: { userId_otherId: { userId: carol?.id as string, otherId: alice?.id as string } },
    });
    await seed(prisma);
    expect(await demoRelationships()).toContain('Carol→Alice:FRIEND');
  });
});
