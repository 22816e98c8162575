import type { Database, Transaction } from '@spotter/db';
import { requireMember } from '../channel/access';
import { addMembersInTx, deleteMembership } from '../channel/members';
import { AppError } from '../errors';
import { appendEvents } from '../streams/append';
import type { Appended } from '../streams/publish';
import { streamIds } from '../streams/stream-ids';
import { requireFriends } from './friends';
import { createConversationInTx } from './open';

export const MAX_GROUP_SIZE = 10;

const tooMany = () => new AppError('BAD_REQUEST', `A group can have at most ${MAX_GROUP_SIZE} people.`);

/** The ids someone chose, without repeats and without themselves. */
function othersChosen(userId: string, userIds: readonly string[]): string[] {
  return [...new Set(userIds)].filter((id) => id !== userId);
}

/** A group of the creator and some of their friends (at most 10 people in all). */
export async function createGroup(
  prisma: Database,
  input: { userId: string; userIds: readonly string[]; name: string },
): Promise<{ id: string; appended: Appended[] }> {
  const otherIds = othersChosen(input.userId, input.userIds);
  if (otherIds.length === 0) throw new AppError('BAD_REQUEST', 'Choose at least one friend.');
  if (otherIds.length + 1 > MAX_GROUP_SIZE) throw tooMany();
  await requireFriends(prisma, input.userId, otherIds);
  return prisma.$transaction((tx) =>
    createConversationInTx(tx, { kind: 'GROUP', name: input.name, creatorId: input.userId, otherIds }),
  );
}

/**
 * Holds the conversation's stream lock for the rest of the transaction (as taking a seq would, but
 * without taking one): membership counts read after it stay true until the commit.
 */
async function lockConversation(tx: Transaction, conversationId: string) {
  await tx.$queryRaw`SELECT 1 FROM "Stream" WHERE "id" = ${streamIds.channel(conversationId)} FOR UPDATE`;
}

async function requireGroupMember(prisma: Database, userId: string, conversationId: string) {
  await requireMember(prisma, userId, conversationId, 'conversation');
  const { kind } = await prisma.channel.findUniqueOrThrow({
    where: { id: conversationId },
    select: { kind: true },
  });
  if (kind !== 'GROUP') {
    throw new AppError('BAD_REQUEST', 'A direct conversation is between two people; start a group instead.');
  }
}

/** Any member adds some of their own friends; people already in it are skipped. */
export async function addToGroup(
  prisma: Database,
  input: { userId: string; conversationId: string; userIds: readonly string[] },
): Promise<{ appended: Appended[] }> {
  await requireGroupMember(prisma, input.userId, input.conversationId);
  const chosen = othersChosen(input.userId, input.userIds);
  if (chosen.length === 0) throw new AppError('BAD_REQUEST', 'Choose at least one friend.');
  await requireFriends(prisma, input.userId, chosen);
  return prisma.$transaction(async (tx) => {
    await lockConversation(tx, input.conversationId);
    const current = await tx.membership.findMany({
      where: { channelId: input.conversationId },
      select: { userId: true },
    });
    const memberIds = new Set(current.map((membership) => membership.userId));
    // Left (or was removed) while this call was on its way: as if never a member.
    if (!memberIds.has(input.userId)) throw new AppError('NOT_FOUND', 'No such conversation.');
    const newIds = chosen.filter((id) => !memberIds.has(id));
    if (memberIds.size + newIds.length > MAX_GROUP_SIZE) throw tooMany();
    const members = newIds.map((userId) => ({ userId, role: 'MEMBER' as const }));
    return { appended: await addMembersInTx(tx, input.conversationId, members) };
  });
}

/** Leaves a group; the leaver's live views of it end at once. Direct conversations are not left. */
export async function leaveGroup(
  prisma: Database,
  userId: string,
  conversationId: string,
): Promise<{ appended: Appended[] }> {
  await requireGroupMember(prisma, userId, conversationId);
  return prisma.$transaction(async (tx) => {
    const appended = await deleteMembership(tx, conversationId, userId, 'left');
    if (!appended) throw new AppError('NOT_FOUND', 'No such conversation.');
    return { appended };
  });
}

/**
 * The group's owner removes someone (as a Discord group's owner can); the removed member's live views
 * of it end at once, and their conversation list drops it.
 */
export async function removeFromGroup(
  prisma: Database,
  input: { userId: string; conversationId: string; memberId: string },
): Promise<{ appended: Appended[] }> {
  await requireGroupMember(prisma, input.userId, input.conversationId);
  if (input.memberId === input.userId)
    throw new AppError('BAD_REQUEST', 'To remove yourself, leave the group.');
  return prisma.$transaction(async (tx) => {
    await lockConversation(tx, input.conversationId);
    const mine = await tx.membership.findUnique({
      where: { userId_channelId: { userId: input.userId, channelId: input.conversationId } },
      select: { role: true },
    });
    if (mine?.role !== 'OWNER') throw new AppError('FORBIDDEN', 'Only the group’s owner can remove people.');
    const appended = await deleteMembership(tx, input.conversationId, input.memberId, 'removed');
    if (!appended) throw new AppError('NOT_FOUND', 'That person is not in this group.');
    return { appended };
  });
}

/**
 * Renames a group (an empty name shows the members' names instead). Every member's conversation list
 * and the group's open pages hear of it: the group's stream first, then members' streams in id order.
 */
export async function renameGroup(
  prisma: Database,
  input: { userId: string; conversationId: string; name: string },
): Promise<{ appended: Appended[] }> {
  await requireGroupMember(prisma, input.userId, input.conversationId);
  return prisma.$transaction(async (tx) => {
    const channelStream = streamIds.channel(input.conversationId);
    const draft = {
      type: 'conversation.renamed' as const,
      channelId: input.conversationId,
      name: input.name,
    };
    const appended: Appended[] = [
      { streamId: channelStream, events: await appendEvents(tx, channelStream, [draft]) },
    ];
    const members = await tx.membership.findMany({
      where: { channelId: input.conversationId },
      orderBy: { userId: 'asc' },
      select: { userId: true },
    });
    if (!members.some((member) => member.userId === input.userId)) {
      throw new AppError('NOT_FOUND', 'No such conversation.');
    }
    await tx.channel.update({ where: { id: input.conversationId }, data: { name: input.name } });
    for (const { userId } of members) {
      const userStream = streamIds.user(userId);
      appended.push({ streamId: userStream, events: await appendEvents(tx, userStream, [draft]) });
    }
    return { appended };
  });
}
