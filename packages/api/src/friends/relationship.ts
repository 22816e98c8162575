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

/** True when either of the two has blocked the other: then neither may request, message or mention. */
export async function blockedEitherWay(db: Database | Transaction, a: string, b: string): Promise<boolean> {
  const count = await db.relationship.count({
    where: {
      kind: 'BLOCKED',
      OR: [
        { userId: a, otherId: b },
        { userId: b, otherId: a },
      ],
    },
  });
  return count > 0;
}
