import type { Database } from '@spotter/db';
import { TRPCError } from '@trpc/server';

/**
 * Throws unless the user is a member of the channel. A private channel the user cannot see
 * answers NOT_FOUND, so its existence is not revealed; a public one answers FORBIDDEN.
 */
export async function assertMember(prisma: Database, userId: string, channelId: string): Promise<void> {
  const channel = await prisma.channel.findUnique({
    where: { id: channelId },
    select: { visibility: true, memberships: { where: { userId }, select: { userId: true } } },
  });
  if (!channel || (channel.visibility === 'PRIVATE' && channel.memberships.length === 0)) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'No such channel.' });
  }
  if (channel.memberships.length === 0) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Join this channel to read or post in it.' });
  }
}
