import type { Transaction } from '@spotter/db';
import { notify } from '../notifications/notify';
import type { UserSummary } from '../streams/events';
import type { Appended } from '../streams/publish';

/**
 * Makes a message's Mention rows match `users` and notifies those newly mentioned (all of them for
 * a new message, only the added ones for an edit), in the caller's transaction. The caller holds
 * the channel stream's lock already; the notifications then lock user streams in id order (`users`
 * is sorted by id), the one order every writer follows.
 */
export async function recordMentions(
  tx: Transaction,
  input: { messageId: string; channelId: string; authorId: string; users: UserSummary[] },
): Promise<Appended[]> {
  const ids = input.users.map((user) => user.id);
  await tx.mention.deleteMany({ where: { messageId: input.messageId, userId: { notIn: ids } } });
  if (ids.length === 0) return [];
  const before = await tx.mention.findMany({
    where: { messageId: input.messageId },
    select: { userId: true },
  });
  const known = new Set(before.map((row) => row.userId));
  const added = ids.filter((id) => !known.has(id));
  await tx.mention.createMany({ data: added.map((userId) => ({ messageId: input.messageId, userId })) });
  if (added.length === 0) return [];
  // A member who muted the conversation keeps the Mention row (it counts if they unmute) but is
  // not notified.
  const muted = new Set(
    (
      await tx.membership.findMany({
        where: { channelId: input.channelId, userId: { in: added }, notificationLevel: 'NOTHING' },
        select: { userId: true },
      })
    ).map((row) => row.userId),
  );
  const appended: Appended[] = [];
  for (const userId of added.filter((id) => !muted.has(id))) {
    appended.push(
      await notify(tx, {
        userId,
        kind: 'MENTION',
        actorId: input.authorId,
        channelId: input.channelId,
        messageId: input.messageId,
      }),
    );
  }
  return appended;
}
