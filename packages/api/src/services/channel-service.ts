import type { Database } from '@spotter/db';
import { TRPCError } from '@trpc/server';

export type ChannelSummary = {
  id: string;
  slug: string;
  name: string;
  description: string;
  visibility: 'PUBLIC' | 'PRIVATE';
  memberCount: number;
  lastSeq: number;
};

const summarySelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  visibility: true,
  lastSeq: true,
  _count: { select: { memberships: true } },
} as const;

type SummaryRow = Omit<ChannelSummary, 'memberCount'> & { _count: { memberships: number } };

function toSummary({ _count, ...row }: SummaryRow): ChannelSummary {
  return { ...row, memberCount: _count.memberships };
}

/** Turns "Leg Day!" into "leg-day": what URLs and the unique index use. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
}

export async function listMyChannels(prisma: Database, userId: string) {
  const memberships = await prisma.membership.findMany({
    where: { userId },
    orderBy: { channel: { name: 'asc' } },
    select: { role: true, channel: { select: summarySelect } },
  });
  return memberships.map(({ role, channel }) => ({ ...toSummary(channel), role }));
}

export async function browsePublicChannels(
  prisma: Database,
  input: { userId: string; query?: string | undefined; limit: number },
) {
  const rows = await prisma.channel.findMany({
    where: {
      visibility: 'PUBLIC',
      ...(input.query ? { name: { contains: input.query, mode: 'insensitive' as const } } : {}),
    },
    orderBy: { name: 'asc' },
    take: input.limit,
    select: { ...summarySelect, memberships: { where: { userId: input.userId }, select: { userId: true } } },
  });
  return rows.map(({ memberships, ...row }) => ({ ...toSummary(row), isMember: memberships.length > 0 }));
}

/** Finds a channel the user may see: any public one, or a private one they belong to. */
export async function findVisibleChannel(
  prisma: Database,
  userId: string,
  where: { id: string } | { slug: string },
) {
  const row = await prisma.channel.findUnique({
    where,
    select: { ...summarySelect, memberships: { where: { userId }, select: { role: true } } },
  });
  const membership = row?.memberships[0];
  if (!row || (row.visibility === 'PRIVATE' && !membership)) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'No such channel.' });
  }
  const { memberships: _, ...summary } = row;
  return { ...toSummary(summary), role: membership?.role ?? null };
}

export async function createChannel(
  prisma: Database,
  input: { userId: string; name: string; description: string; visibility: 'PUBLIC' | 'PRIVATE' },
) {
  const slug = slugify(input.name);
  if (!slug)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'A channel name needs at least one letter or digit.',
    });
  try {
    const channel = await prisma.channel.create({
      data: {
        slug,
        name: input.name,
        description: input.description,
        visibility: input.visibility,
        createdById: input.userId,
        memberships: { create: { userId: input.userId, role: 'OWNER' } },
      },
      select: summarySelect,
    });
    return { ...toSummary(channel), role: 'OWNER' as const };
  } catch (error) {
    if ((error as { code?: unknown }).code === 'P2002') {
      throw new TRPCError({ code: 'CONFLICT', message: `A channel named "${slug}" already exists.` });
    }
    throw error;
  }
}

/** Joining is idempotent; private channels cannot be joined without an invite. */
export async function joinChannel(prisma: Database, userId: string, channelId: string) {
  const channel = await findVisibleChannel(prisma, userId, { id: channelId });
  if (channel.role) return channel;
  if (channel.visibility === 'PRIVATE')
    throw new TRPCError({ code: 'NOT_FOUND', message: 'No such channel.' });
  await prisma.membership.upsert({
    where: { userId_channelId: { userId, channelId } },
    create: { userId, channelId },
    update: {},
  });
  return findVisibleChannel(prisma, userId, { id: channelId });
}

export async function leaveChannel(prisma: Database, userId: string, channelId: string) {
  const { count } = await prisma.membership.deleteMany({ where: { userId, channelId } });
  if (count === 0)
    throw new TRPCError({ code: 'NOT_FOUND', message: 'You are not a member of this channel.' });
}
