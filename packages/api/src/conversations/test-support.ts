import type { Database } from '@spotter/db';

/** Makes two people friends the way a accepted friend request leaves them: a FRIEND row per side. */
export async function makeFriends(prisma: Database, a: string, b: string) {
  await prisma.relationship.createMany({
    data: [
      { userId: a, otherId: b, kind: 'FRIEND' },
      { userId: b, otherId: a, kind: 'FRIEND' },
    ],
  });
}
