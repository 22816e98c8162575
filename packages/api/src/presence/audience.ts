import type { Database } from '@spotter/db';

/** Presence subscriptions follow at most this many people (friends and conversation partners). */
export const MAX_AUDIENCE = 2_000;

/**
 * Whose presence `viewerId` may see: themselves, their friends, and the people they share a direct
 * or group conversation with — never anyone who blocked them or whom they blocked. Members of a
 * named channel are not included: a public channel is open to anyone, and following thousands of
 * strangers would cost every replica a subscription each.
 */
export async function presenceAudience(prisma: Database, viewerId: string): Promise<string[]> {
  const [relationships, blockedBy, partners] = await Promise.all([
    prisma.relationship.findMany({
      where: { userId: viewerId, kind: { in: ['FRIEND', 'BLOCKED'] } },
      select: { otherId: true, kind: true },
    }),
    prisma.relationship.findMany({
      where: { otherId: viewerId, kind: 'BLOCKED' },
      select: { userId: true },
    }),
    prisma.membership.findMany({
      where: {
        userId: { not: viewerId },
        channel: { kind: { in: ['DIRECT', 'GROUP'] }, memberships: { some: { userId: viewerId } } },
      },
      select: { userId: true },
      distinct: ['userId'],
      take: MAX_AUDIENCE,
    }),
  ]);
  const blocked = new Set(blockedBy.map((row) => row.userId));
  for (const row of relationships) if (row.kind === 'BLOCKED') blocked.add(row.otherId);
  const audience = new Set([viewerId]);
  for (const row of relationships) if (row.kind === 'FRIEND') audience.add(row.otherId);
  for (const row of partners) audience.add(row.userId);
  for (const id of blocked) audience.delete(id);
  return [...audience].slice(0, MAX_AUDIENCE);
}
