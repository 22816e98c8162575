import type { Database } from '@spotter/db';
import { type Person, personSelect, toPerson } from '../profile/avatar-url';
import type { RelationshipKind } from './relationship';

export type FriendEntry = { user: Person; kind: RelationshipKind; since: Date };

/** Order of the Friends page: pending requests to answer first, then friends, then the rest. */
const KIND_ORDER: Record<RelationshipKind, number> = { INCOMING: 0, FRIEND: 1, OUTGOING: 2, BLOCKED: 3 };

/** Everyone with a row on the caller's side: friends, requests both ways, and people they blocked. */
export async function listRelationships(prisma: Database, userId: string): Promise<FriendEntry[]> {
  const rows = await prisma.relationship.findMany({
    where: { userId },
    orderBy: { other: { name: 'asc' } },
    select: { kind: true, since: true, other: { select: personSelect } },
  });
  return rows
    .map((row) => ({ user: toPerson(row.other), kind: row.kind, since: row.since }))
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}
