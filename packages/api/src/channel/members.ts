import type { Database, Transaction } from '@spotter/db';
import { AppError, isUniqueViolation } from '../errors';
import { appendEvents, lockStreams, recordEvents, takeStreamSeqs } from '../streams/append';
import type { EventDraft, MemberView, StreamEvent } from '../streams/events';
import type { Appended } from '../streams/publish';
import { streamIds } from '../streams/stream-ids';
import { type ChannelRole, requireMember, requireModerator } from './access';
import { findVisibleChannel } from './service';

type Changed = { appended: Appended[] };

/** The members of a channel the caller belongs to: owners first, then by name. */
export async function listMembers(
  prisma: Database,
  userId: string,
  channelId: string,
): Promise<MemberView[]> {
  await requireMember(prisma, userId, channelId, 'channel');
  const rows = await prisma.membership.findMany({
    where: { channelId },
    orderBy: [{ role: 'asc' }, { user: { name: 'asc' } }],
    select: { userId: true, role: true, user: { select: { name: true } } },
  });
  return rows.map((row) => ({ userId: row.userId, name: row.user.name, role: row.role }));
}

/** Joining a public channel; idempotent. Private channels are entered by invitation only. */
export async function joinChannel(prisma: Database, userId: string, channelId: string): Promise<Changed> {
  const channel = await findVisibleChannel(prisma, userId, { id: channelId });
  if (channel.role) return { appended: [] };
  if (channel.visibility === 'PRIVATE') throw new AppError('NOT_FOUND', 'No such channel.');
  return addMember(prisma, channelId, userId);
}

/** Any member may invite someone by @username; the invitee's devices see the channel at once. */
export async function inviteMember(
  prisma: Database,
  input: { userId: string; channelId: string; username: string },
): Promise<Changed & { member: MemberView }> {
  await requireMember(prisma, input.userId, input.channelId, 'channel');
  const invitee = await prisma.user.findUnique({
    where: { username: input.username.toLowerCase() },
    select: { id: true, name: true },
  });
  if (!invitee) throw new AppError('NOT_FOUND', 'No one has that username.');
  const existing = await prisma.membership.findUnique({
    where: { userId_channelId: { userId: invitee.id, channelId: input.channelId } },
    select: { role: true },
  });
  if (existing) throw new AppError('CONFLICT', `${invitee.name} is already a member.`);
  const { appended } = await addMember(prisma, input.channelId, invitee.id);
  return { appended, member: { userId: invitee.id, name: invitee.name, role: 'MEMBER' } };
}

/**
 * A moderator removes a member, the owner anyone but themselves; the removed member's live views of
 * the channel (messages, typing) end at once. The roles are read again under the channel stream's
 * lock, so a moderator demoted a moment before cannot still remove someone.
 */
export async function removeMember(
  prisma: Database,
  input: { userId: string; channelId: string; memberId: string },
): Promise<Changed> {
  await requireModerator(prisma, input.userId, input.channelId, 'channel');
  if (input.memberId === input.userId) {
    throw new AppError('BAD_REQUEST', 'To remove yourself, leave the channel.');
  }
  return prisma.$transaction(async (tx) => {
    await lockStreams(tx, [streamIds.channel(input.channelId)]);
    const role = await requireModerator(tx, input.userId, input.channelId, 'channel');
    const target = await tx.membership.findUnique({
      where: { userId_channelId: { userId: input.memberId, channelId: input.channelId } },
      select: { role: true },
    });
    if (target && target.role !== 'MEMBER' && role !== 'OWNER')
      throw new AppError('FORBIDDEN', 'Only the channel’s owner can remove a moderator or the owner.');
    const removed = await deleteMembership(tx, input.channelId, input.memberId, 'removed');
    if (!removed) throw new AppError('NOT_FOUND', 'That person is not a member of this channel.');
    return { appended: removed };
  });
}

/**
 * Leaves a channel. An owner who leaves hands ownership to the longest-standing member, so a channel
 * is never left without someone who can manage it while others are in it.
 */
export async function leaveChannel(prisma: Database, userId: string, channelId: string): Promise<Changed> {
  return prisma.$transaction(async (tx) => {
    // Conversations are left through dm.leave (a direct one cannot be left at all).
    const channel = await tx.channel.findUnique({ where: { id: channelId }, select: { kind: true } });
    if (channel?.kind !== 'CHANNEL') throw new AppError('NOT_FOUND', 'No such channel.');
    const appended = await deleteMembership(tx, channelId, userId, 'left');
    if (!appended) throw new AppError('NOT_FOUND', 'You are not a member of this channel.');
    return { appended };
  });
}

/**
 * Membership changes lock the channel's stream, then the members' (in id order), before touching any
 * membership row (sends and edits take the channel's stream first too): concurrent changes of one
 * channel queue on one lock instead of deadlocking on rows. A change that turns out to be void rolls
 * back, seqs too.
 */
async function addMember(prisma: Database, channelId: string, userId: string): Promise<Changed> {
  try {
    return await prisma.$transaction(async (tx) => ({
      appended: await addMembersInTx(tx, channelId, [{ userId, role: 'MEMBER' }]),
    }));
  } catch (error) {
    // Joined twice at once (two tabs): the first join stands, and nothing more happened.
    if (isUniqueViolation(error)) return { appended: [] };
    throw error;
  }
}

/**
 * Adds people to a channel or conversation inside the caller's transaction: each gets a
 * `member.joined` on the channel's stream and a `channel.added` on their own. Takes the channel's
 * stream lock first, then the new members' streams in id order. A person already in it makes the
 * insert fail with a unique violation (the caller decides what that means).
 */
export async function addMembersInTx(
  tx: Transaction,
  channelId: string,
  members: readonly { userId: string; role: ChannelRole }[],
): Promise<Appended[]> {
  if (members.length === 0) return [];
  const sorted = [...members].sort((a, b) => (a.userId < b.userId ? -1 : 1));
  const channelStream = streamIds.channel(channelId);
  const firstChannelSeq = await takeStreamSeqs(tx, channelStream, sorted.length);
  const userSeqs: number[] = [];
  for (const { userId } of sorted) userSeqs.push(await takeStreamSeqs(tx, streamIds.user(userId)));
  await tx.membership.createMany({ data: sorted.map(({ userId, role }) => ({ userId, channelId, role })) });
  const [channel, users] = await Promise.all([
    tx.channel.findUniqueOrThrow({
      where: { id: channelId },
      select: { id: true, kind: true, slug: true, name: true, visibility: true },
    }),
    tx.user.findMany({
      where: { id: { in: sorted.map((m) => m.userId) } },
      select: { id: true, name: true },
    }),
  ]);
  const nameOf = new Map(users.map((user) => [user.id, user.name]));
  const channelEvents = sorted.map(
    ({ userId, role }, index): StreamEvent => ({
      type: 'member.joined',
      seq: firstChannelSeq + index,
      channelId,
      member: { userId, name: nameOf.get(userId) ?? '', role },
    }),
  );
  await recordEvents(tx, channelStream, channelEvents);
  const appended: Appended[] = [{ streamId: channelStream, events: channelEvents }];
  for (const [index, { userId }] of sorted.entries()) {
    const userStream = streamIds.user(userId);
    const events: StreamEvent[] = [{ type: 'channel.added', seq: userSeqs[index] as number, channel }];
    await recordEvents(tx, userStream, events);
    appended.push({ streamId: userStream, events });
  }
  return appended;
}

/**
 * Removes one member inside the caller's transaction: `member.left` on the channel's stream (which
 * ends that member's live views of it), `channel.removed` on theirs. Null when they were not a member.
 */
export async function deleteMembership(
  tx: Transaction,
  channelId: string,
  userId: string,
  reason: 'left' | 'removed',
): Promise<Appended[] | null> {
  const [channelSeq, userSeq] = await takeSeqs(tx, channelId, userId);
  const membership = await tx.membership.findUnique({
    where: { userId_channelId: { userId, channelId } },
    select: { role: true },
  });
  if (!membership) return null;
  await tx.membership.delete({ where: { userId_channelId: { userId, channelId } } });
  const appended = await recordBoth(
    tx,
    { channelId, seq: channelSeq, event: { type: 'member.left', channelId, userId, reason } },
    { userId, seq: userSeq, event: { type: 'channel.removed', channelId, reason } },
  );
  if (membership.role !== 'OWNER') return appended;
  const heir = await tx.membership.findFirst({
    where: { channelId, role: { not: 'OWNER' } },
    orderBy: { joinedAt: 'asc' },
    select: { userId: true, user: { select: { name: true } } },
  });
  const hasOwner = await tx.membership.count({ where: { channelId, role: 'OWNER' } });
  if (!heir || hasOwner > 0) return appended;
  await tx.membership.update({
    where: { userId_channelId: { userId: heir.userId, channelId } },
    data: { role: 'OWNER' },
  });
  // member.joined also announces a changed role: clients upsert members by user id. The channel's
  // stream is locked by this transaction already.
  const channelStream = streamIds.channel(channelId);
  const promoted = await appendEvents(tx, channelStream, [
    {
      type: 'member.joined',
      channelId,
      member: { userId: heir.userId, name: heir.user.name, role: 'OWNER' },
    },
  ]);
  return [...appended, { streamId: channelStream, events: promoted }];
}

/** The next seq of the channel's stream, then of the member's: always in this order. */
async function takeSeqs(tx: Transaction, channelId: string, userId: string): Promise<[number, number]> {
  const channelSeq = await takeStreamSeqs(tx, streamIds.channel(channelId));
  return [channelSeq, await takeStreamSeqs(tx, streamIds.user(userId))];
}

/** A membership change is an event of the channel's stream and of the member's own stream. */
async function recordBoth(
  tx: Transaction,
  channel: { channelId: string; seq: number; event: EventDraft },
  user: { userId: string; seq: number; event: EventDraft },
): Promise<Appended[]> {
  const channelStream = streamIds.channel(channel.channelId);
  const userStream = streamIds.user(user.userId);
  const channelEvents = [{ ...channel.event, seq: channel.seq } as StreamEvent];
  const userEvents = [{ ...user.event, seq: user.seq } as StreamEvent];
  await recordEvents(tx, channelStream, channelEvents);
  await recordEvents(tx, userStream, userEvents);
  return [
    { streamId: channelStream, events: channelEvents },
    { streamId: userStream, events: userEvents },
  ];
}
