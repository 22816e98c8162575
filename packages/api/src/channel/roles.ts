import type { Database, Transaction } from '@spotter/db';
import { AppError } from '../errors';
import { appendEvents, lockStreams } from '../streams/append';
import type { MemberView } from '../streams/events';
import type { Appended } from '../streams/publish';
import { streamIds } from '../streams/stream-ids';
import { type ChannelRole, requireOwner } from './access';

type RoleChanged = { appended: Appended[]; members: MemberView[] };

const notAMember = () => new AppError('NOT_FOUND', 'That person is not a member of this channel.');

/**
 * Runs a role change under the channel stream's lock (the order every membership change takes), with
 * the caller's ownership checked again under it: two owners' changes racing (a transfer and a
 * promotion) queue instead of both passing a check made before either wrote. Each changed member is
 * announced as `member.joined` with the new role; clients upsert members by user id.
 */
async function changeRoles(
  prisma: Database,
  input: { userId: string; channelId: string },
  change: (tx: Transaction) => Promise<{ userId: string; role: ChannelRole }[]>,
): Promise<RoleChanged> {
  await requireOwner(prisma, input.userId, input.channelId, 'channel');
  return prisma.$transaction(async (tx) => {
    const channelStream = streamIds.channel(input.channelId);
    await lockStreams(tx, [channelStream]);
    await requireOwner(tx, input.userId, input.channelId, 'channel');
    const changes = await change(tx);
    if (changes.length === 0) return { appended: [], members: [] };
    for (const { userId, role } of changes)
      await tx.membership.update({
        where: { userId_channelId: { userId, channelId: input.channelId } },
        data: { role },
      });
    const users = await tx.user.findMany({
      where: { id: { in: changes.map((c) => c.userId) } },
      select: { id: true, name: true },
    });
    const nameOf = new Map(users.map((user) => [user.id, user.name]));
    const members = changes.map(({ userId, role }) => ({ userId, name: nameOf.get(userId) ?? '', role }));
    const events = await appendEvents(
      tx,
      channelStream,
      members.map((member) => ({ type: 'member.joined' as const, channelId: input.channelId, member })),
    );
    return { appended: [{ streamId: channelStream, events }], members };
  });
}

async function roleOf(tx: Transaction, channelId: string, userId: string): Promise<ChannelRole | null> {
  const membership = await tx.membership.findUnique({
    where: { userId_channelId: { userId, channelId } },
    select: { role: true },
  });
  return membership?.role ?? null;
}

/** The owner makes a member a moderator, or a moderator a member again. */
export async function setRole(
  prisma: Database,
  input: { userId: string; channelId: string; memberId: string; role: 'MODERATOR' | 'MEMBER' },
): Promise<RoleChanged> {
  return changeRoles(prisma, input, async (tx) => {
    const current = await roleOf(tx, input.channelId, input.memberId);
    if (!current) throw notAMember();
    if (current === 'OWNER')
      throw new AppError('BAD_REQUEST', 'The owner’s role changes only by transferring ownership.');
    return current === input.role ? [] : [{ userId: input.memberId, role: input.role }];
  });
}

/** The owner hands the channel to another member and stays on as a moderator. */
export async function transferOwnership(
  prisma: Database,
  input: { userId: string; channelId: string; memberId: string },
): Promise<RoleChanged> {
  return changeRoles(prisma, input, async (tx) => {
    if (input.memberId === input.userId) throw new AppError('BAD_REQUEST', 'You already own this channel.');
    if (!(await roleOf(tx, input.channelId, input.memberId))) throw notAMember();
    return [
      { userId: input.memberId, role: 'OWNER' },
      { userId: input.userId, role: 'MODERATOR' },
    ];
  });
}
