import type { Database } from '@spotter/db';
import { notify } from '../notifications/notify';
import { lockStreams } from '../streams/append';
import type { Appended } from '../streams/publish';
import { streamIds } from '../streams/stream-ids';

/**
 * Tells the other members of a direct or group conversation that a message arrived, as one unread
 * DIRECT_MESSAGE entry per conversation and person (the way Slack badges a DM once, not per message):
 * someone who has an unread one for this conversation gets nothing new, and nor does a member who
 * blocked the author. Runs after the message committed, in its own transaction (only when someone is
 * to be told): the user streams are locked (in id order) before the unread check that decides, so
 * two messages at once make one entry.
 */
export async function notifyDirectMessage(
  prisma: Database,
  message: { channelId: string; authorId: string; messageId: string },
): Promise<Appended[]> {
  const { channelId, authorId, messageId } = message;
  // Most messages of a busy conversation find everyone told already: that costs this one query and
  // no transaction. The unread check is repeated under the locks below, where it decides.
  const others = await prisma.membership.findMany({
    where: {
      channelId,
      userId: { not: authorId },
      // Members who chose "mentions only" or muted the conversation are not told of every message.
      notificationLevel: 'ALL',
      user: {
        relationships: { none: { otherId: authorId, kind: 'BLOCKED' } },
        notifications: { none: { kind: 'DIRECT_MESSAGE', channelId, readAt: null } },
      },
    },
    orderBy: { userId: 'asc' },
    select: { userId: true },
  });
  if (others.length === 0) return [];
  const userIds = others.map((member) => member.userId);
  return prisma.$transaction(async (tx) => {
    await lockStreams(tx, userIds.map(streamIds.user));
    const alreadyTold = new Set(
      (
        await tx.notification.findMany({
          where: { userId: { in: userIds }, kind: 'DIRECT_MESSAGE', channelId, readAt: null },
          select: { userId: true },
        })
      ).map((row) => row.userId),
    );
    const appended: Appended[] = [];
    for (const userId of userIds) {
      if (alreadyTold.has(userId)) continue;
      appended.push(
        await notify(tx, { userId, kind: 'DIRECT_MESSAGE', actorId: authorId, channelId, messageId }),
      );
    }
    return appended;
  });
}
