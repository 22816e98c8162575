import type { Database } from '@spotter/db';
import { requireMember } from '../channel/access';
import { userSummarySelect } from '../message/view';
import type { UserSummary } from '../streams/events';

/**
 * The people the caller could mention in a conversation whose username or name starts with
 * `prefix` (the composer's @-autocomplete): members other than the caller, with no block between
 * them either way, the same rule a send applies.
 */
export async function searchMentionable(
  prisma: Database,
  userId: string,
  input: { channelId: string; prefix: string; limit: number },
): Promise<UserSummary[]> {
  await requireMember(prisma, userId, input.channelId);
  return prisma.user.findMany({
    where: {
      id: { not: userId },
      memberships: { some: { channelId: input.channelId } },
      relationships: { none: { otherId: userId, kind: 'BLOCKED' } },
      relatedBy: { none: { userId, kind: 'BLOCKED' } },
      ...(input.prefix
        ? {
            OR: [
              { username: { startsWith: input.prefix } },
              { name: { startsWith: input.prefix, mode: 'insensitive' as const } },
            ],
          }
        : {}),
    },
    orderBy: { username: 'asc' },
    take: input.limit,
    select: userSummarySelect,
  });
}
