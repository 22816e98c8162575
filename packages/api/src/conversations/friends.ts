import type { Database, Transaction } from '@spotter/db';
import { AppError } from '../errors';
import { relationshipBetween } from '../friends/relationship';
import type { UserSummary } from '../streams/events';

export const notFriends = () => new AppError('FORBIDDEN', 'You can only message friends.');

const summarySelect = { id: true, username: true, name: true } as const;

/**
 * The one person a direct conversation is opened with: they must exist (NOT_FOUND for an unknown
 * or forged id) and be the caller's friend.
 */
export async function requireFriend(db: Database | Transaction, userId: string, otherId: string) {
  if (otherId === userId) throw new AppError('BAD_REQUEST', 'Choose a friend, not yourself.');
  const other = await db.user.findUnique({ where: { id: otherId }, select: summarySelect });
  if (!other) throw new AppError('NOT_FOUND', 'No such person.');
  if ((await relationshipBetween(db, userId, otherId)) !== 'FRIEND') throw notFriends();
  return other;
}

/**
 * People the caller wants in a group: every one must exist and be their friend. One query for the
 * whole list (the same FRIEND rows relationshipBetween reads); the refusal names who is not a friend.
 */
export async function requireFriends(
  db: Database | Transaction,
  userId: string,
  otherIds: readonly string[],
): Promise<UserSummary[]> {
  const users = await db.user.findMany({
    where: { id: { in: [...otherIds] } },
    select: { ...summarySelect, relatedBy: { where: { userId }, select: { kind: true } } },
  });
  if (users.length < otherIds.length) throw new AppError('NOT_FOUND', 'No such person.');
  const strangers = users.filter((user) => user.relatedBy[0]?.kind !== 'FRIEND');
  if (strangers.length > 0) {
    const names = strangers.map((user) => user.name).join(', ');
    throw new AppError('FORBIDDEN', `You can only add friends to a group; not friends: ${names}.`);
  }
  return users.map(({ relatedBy: _, ...user }) => user);
}
