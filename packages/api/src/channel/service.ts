import { randomBytes } from 'node:crypto';
import type { Database } from '@spotter/db';
import { AppError, isUniqueViolation } from '../errors';
import { appendEvents } from '../streams/append';
import type { Appended } from '../streams/publish';
import { streamIds } from '../streams/stream-ids';
import type { ChannelRole } from './access';

export type ChannelSummary = {
  id: string;
  slug: string;
  name: string;
  description: string;
  visibility: 'PUBLIC' | 'PRIVATE';
  memberCount: number;
};

const summarySelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  visibility: true,
  _count: { select: { memberships: true } },
} as const;

type SummaryRow = Omit<ChannelSummary, 'memberCount' | 'slug'> & {
  slug: string | null;
  _count: { memberships: number };
};

/** Only named channels (kind CHANNEL, which always have a slug) are read through here. */
function toSummary({ _count, slug, ...row }: SummaryRow): ChannelSummary {
  return { ...row, slug: slug ?? row.id, memberCount: _count.memberships };
}

/** Channel lists and lookups here are of named channels; conversations have their own module. */
const NAMED = { kind: 'CHANNEL' } as const;

/** Turns "Leg Day!" into "leg-day": what URLs and the unique index use. */
function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
}

export async function listMyChannels(prisma: Database, userId: string) {
  const memberships = await prisma.membership.findMany({
    where: { userId, channel: NAMED },
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
      ...NAMED,
      visibility: 'PUBLIC',
      ...(input.query ? { name: { contains: input.query, mode: 'insensitive' as const } } : {}),
    },
    orderBy: { name: 'asc' },
    take: input.limit,
    select: { ...summarySelect, memberships: { where: { userId: input.userId }, select: { userId: true } } },
  });
  return rows.map(({ memberships, ...row }) => ({ ...toSummary(row), isMember: memberships.length > 0 }));
}

/**
 * Finds a channel the user may see: any public one, or a private one they belong to. `role` is null
 * for a public channel the user has not joined.
 */
export async function findVisibleChannel(
  prisma: Database,
  userId: string,
  where: { id: string } | { slug: string },
): Promise<ChannelSummary & { role: ChannelRole | null }> {
  const row = await prisma.channel.findUnique({
    where: { ...where, ...NAMED },
    select: { ...summarySelect, memberships: { where: { userId }, select: { role: true } } },
  });
  const membership = row?.memberships[0];
  if (!row || (row.visibility === 'PRIVATE' && !membership)) {
    throw new AppError('NOT_FOUND', 'No such channel.');
  }
  const { memberships: _, ...summary } = row;
  return { ...toSummary(summary), role: membership?.role ?? null };
}

/**
 * A slug nobody can guess: private channels get one, so a private channel's name never blocks a
 * public one (whose answer would tell the creator that a private "coaches" exists).
 */
function unguessable(slug: string): string {
  return `${slug.slice(0, 40)}-${randomBytes(4).toString('hex')}`;
}

/**
 * Creates a channel with its creator as owner; the creator's other devices hear of it at once. Only a
 * clash with a channel the creator can see is reported (CONFLICT); a clash with a private channel they
 * cannot see (made before private slugs were unguessable) quietly gets the new channel another slug.
 */
export async function createChannel(
  prisma: Database,
  input: { userId: string; name: string; description: string; visibility: 'PUBLIC' | 'PRIVATE' },
): Promise<{ channel: ChannelSummary & { role: 'OWNER' }; appended: Appended[] }> {
  const base = slugify(input.name);
  if (!base) throw new AppError('BAD_REQUEST', 'A channel name needs at least one letter or digit.');
  const slug = input.visibility === 'PRIVATE' ? unguessable(base) : base;
  try {
    return await insertChannel(prisma, input, slug);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await prisma.channel.findUnique({
      where: { slug },
      select: {
        visibility: true,
        memberships: { where: { userId: input.userId }, select: { userId: true } },
      },
    });
    if (existing && (existing.visibility === 'PUBLIC' || existing.memberships.length > 0)) {
      throw new AppError('CONFLICT', `A channel named "${slug}" already exists.`);
    }
    return insertChannel(prisma, input, unguessable(base));
  }
}

async function insertChannel(
  prisma: Database,
  input: { userId: string; name: string; description: string; visibility: 'PUBLIC' | 'PRIVATE' },
  slug: string,
): Promise<{ channel: ChannelSummary & { role: 'OWNER' }; appended: Appended[] }> {
  return await prisma.$transaction(async (tx) => {
    const row = await tx.channel.create({
      data: {
        slug,
        name: input.name,
        description: input.description,
        visibility: input.visibility,
        createdById: input.userId,
        memberships: { create: { userId: input.userId, role: 'OWNER' } },
      },
      select: { ...summarySelect, createdBy: { select: { name: true } } },
    });
    const { createdBy, ...summary } = row;
    const channelStream = streamIds.channel(row.id);
    const userStream = streamIds.user(input.userId);
    const member = { userId: input.userId, name: createdBy.name, role: 'OWNER' as const };
    const appended: Appended[] = [
      {
        streamId: channelStream,
        events: await appendEvents(tx, channelStream, [{ type: 'member.joined', channelId: row.id, member }]),
      },
      {
        streamId: userStream,
        events: await appendEvents(tx, userStream, [
          {
            type: 'channel.added',
            channel: { id: row.id, kind: 'CHANNEL', slug, name: row.name, visibility: row.visibility },
          },
        ]),
      },
    ];
    return { channel: { ...toSummary(summary), role: 'OWNER' as const }, appended };
  });
}
