import type { Database } from '@spotter/db';
import { requireMember } from '../channel/access';
import { notFriends, requireFriend } from '../conversations/friends';
import { AppError, isAppError } from '../errors';
import { messageViewSelect, toMessageView } from '../message/view';
import type { Written } from '../message/write';
import { lockStreams, recordEvents, takeStreamSeqs } from '../streams/append';
import type { StreamEvent } from '../streams/events';
import { streamIds } from '../streams/stream-ids';
import type { ReactionEmoji } from './palette';

export type ReactionChange = { messageId: string; userId: string; emoji: ReactionEmoji; isOn: boolean };

/**
 * Adds (`isOn`) or takes back one person's reaction to a message of a conversation they are in.
 * Refusals answer as everywhere else: a message they may not read is NOT_FOUND (FORBIDDEN in a
 * public channel they have not joined), a deleted one NOT_FOUND, and a direct conversation with
 * someone no longer a friend (either side blocked or unfriended) FORBIDDEN, as a message there would
 * be. Idempotent: a reaction given twice, or taken back when never given, changes nothing and
 * announces nothing. A change makes a new version of the message, told as `message.reacted` on its
 * channel's stream (the seq taken under the stream's lock, as edits take it), so open conversations
 * follow at once and a replay shows the message as it is.
 */
export async function changeReaction(prisma: Database, change: ReactionChange): Promise<Written> {
  const noSuchMessage = new AppError('NOT_FOUND', 'No such message.');
  const current = await prisma.message.findUnique({
    where: { id: change.messageId },
    select: { channelId: true, deletedAt: true, channel: { select: { kind: true } } },
  });
  if (!current || current.deletedAt) throw noSuchMessage;
  await requireMember(prisma, change.userId, current.channelId).catch((error: unknown) => {
    throw isAppError(error) && error.code === 'NOT_FOUND' ? noSuchMessage : error;
  });
  // As with sending: in a direct conversation, only while the two are friends (a block ends it).
  if (current.channel.kind === 'DIRECT') await requireStillFriends(prisma, change.userId, current.channelId);
  const streamId = streamIds.channel(current.channelId);
  const key = { messageId: change.messageId, userId: change.userId, emoji: change.emoji };
  return prisma.$transaction(async (tx) => {
    await lockStreams(tx, [streamId]);
    // Under the stream's lock: a reaction racing a delete finds the message deleted.
    if ((await tx.message.count({ where: { id: change.messageId, deletedAt: null } })) === 0)
      throw new AppError('NOT_FOUND', 'This message was deleted.');
    const { count } = change.isOn
      ? await tx.reaction.createMany({ data: [key], skipDuplicates: true })
      : await tx.reaction.deleteMany({ where: key });
    if (count === 0) {
      const row = await tx.message.findUniqueOrThrow({
        where: { id: change.messageId },
        select: messageViewSelect,
      });
      return { message: toMessageView(row), appended: [] };
    }
    const seq = await takeStreamSeqs(tx, streamId);
    const row = await tx.message.update({
      where: { id: change.messageId },
      data: { version: { increment: 1 } },
      select: messageViewSelect,
    });
    const message = toMessageView(row);
    const event: StreamEvent = { type: 'message.reacted', seq, message };
    await recordEvents(tx, streamId, [event]);
    return { message, appended: [{ streamId, events: [event] }] };
  });
}

async function requireStillFriends(prisma: Database, userId: string, channelId: string) {
  const other = await prisma.membership.findFirst({
    where: { channelId, userId: { not: userId } },
    select: { userId: true },
  });
  if (!other) throw notFriends();
  await requireFriend(prisma, userId, other.userId);
}
