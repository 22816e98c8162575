import type { Database, Transaction } from '@spotter/db';

export type RelationshipKind = 'FRIEND' | 'OUTGOING' | 'INCOMING' | 'BLOCKED';

/** How `userId` stands towards `otherId`, from `userId`'s side; null when they have no relationship. */
export async function relationshipBetween(
  db: Database | Transaction,
  userId: string,
  otherId: string,
): Promise<RelationshipKind | null> {
  const row = await db.relationship.findUnique({
    where: { userId_otherId: { userId, otherId } },
    select: { kind: true },
  });
  return row?.kind ?? null;
}
