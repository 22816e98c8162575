import type { Database, Transaction } from '@spotter/db';
import { addMembersInTx } from '../channel/members';
import { isUniqueViolation } from '../errors';
import type { Appended } from '../streams/publish';
import { requireFriend } from './friends';

/** A direct conversation's key: the two ids sorted and joined by ':', so a pair has exactly one. */
export const directKeyOf = (a: string, b: string) => [a, b].sort().join(':');

/**
 * Creates a conversation and its members in the caller's transaction: each member hears of it on
 * their own stream (`channel.added`) and the conversation's stream starts with their `member.joined`.
 */
export async function createConversationInTx(
  tx: Transaction,
  input: { kind: 'DIRECT' | 'GROUP'; name: string; creatorId: string; otherIds: readonly string[] },
): Promise<{ id: string; appended: Appended[] }> {
  const [a, b] = [input.creatorId, ...input.otherIds];
  const channel = await tx.channel.create({
    data: {
      kind: input.kind,
      name: input.name,
      visibility: 'PRIVATE',
      createdById: input.creatorId,
      directKey: input.kind === 'DIRECT' && a && b ? directKeyOf(a, b) : null,
    },
    select: { id: true },
  });
  const appended = await addMembersInTx(tx, channel.id, [
    { userId: input.creatorId, role: 'OWNER' },
    ...input.otherIds.map((userId) => ({ userId, role: 'MEMBER' as const })),
  ]);
  return { id: channel.id, appended };
}

/**
 * The direct conversation with a friend, created on first use. Two tabs opening it at once both
 * insert; the unique directKey lets one win, and the other reads the winner's (so both get one id).
 */
export async function openDirect(
  prisma: Database,
  userId: string,
  otherId: string,
): Promise<{ id: string; appended: Appended[] }> {
  await requireFriend(prisma, userId, otherId);
  const directKey = directKeyOf(userId, otherId);
  const existing = await prisma.channel.findUnique({ where: { directKey }, select: { id: true } });
  if (existing) return { id: existing.id, appended: [] };
  try {
    return await prisma.$transaction((tx) =>
      createConversationInTx(tx, { kind: 'DIRECT', name: '', creatorId: userId, otherIds: [otherId] }),
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await prisma.channel.findUniqueOrThrow({ where: { directKey }, select: { id: true } });
    return { id: winner.id, appended: [] };
  }
}
