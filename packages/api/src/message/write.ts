import type { Database } from '@spotter/db';
import { requireMember } from '../channel/access';
import { AppError, isAppError, isUniqueViolation } from '../errors';
import { recordEvents, takeStreamSeqs } from '../streams/append';
import type { MessageView, StreamEvent } from '../streams/events';
import type { Appended } from '../streams/publish';
import { streamIds } from '../streams/stream-ids';
import { messageViewSelect, toMessageView } from './view';

export type NewMessage = { channelId: string; authorId: string; body: string; nonce?: string | undefined };
export type Written = { message: MessageView; appended: Appended[] };

/**
 * Stores a message as the next event of its channel's stream, in one transaction: the message takes
 * the event's seq as its position. A retried send with the same nonce returns the stored copy (and
 * appends nothing) instead of posting twice. Membership is checked again under the stream's lock,
 * which membership changes take too: a send either lands before the author's removal or is refused.
 */
export async function sendMessage(prisma: Database, input: NewMessage): Promise<Written> {
  await requireMember(prisma, input.authorId, input.channelId);
  const earlier = await findByNonce(prisma, input);
  if (earlier) return { message: earlier, appended: [] };
  const streamId = streamIds.channel(input.channelId);
  try {
    return await prisma.$transaction(async (tx) => {
      const seq = await takeStreamSeqs(tx, streamId);
      await requireMember(tx, input.authorId, input.channelId);
      const row = await tx.message.create({
        data: {
          channelId: input.channelId,
          authorId: input.authorId,
          body: input.body,
          nonce: input.nonce ?? null,
          seq,
        },
        select: messageViewSelect,
      });
      const event: StreamEvent = { type: 'message.created', seq, message: toMessageView(row) };
      await recordEvents(tx, streamId, [event]);
      return { message: event.message, appended: [{ streamId, events: [event] }] };
    });
  } catch (error) {
    // Two retries raced past the check above: the unique nonce rejected the second, whose
    // transaction (and seq) rolled back; answer with the copy that won.
    const winner = isUniqueViolation(error) ? await findByNonce(prisma, input) : null;
    if (winner) return { message: winner, appended: [] };
    throw error;
  }
}

async function findByNonce(prisma: Database, input: NewMessage): Promise<MessageView | null> {
  if (!input.nonce) return null;
  const row = await prisma.message.findUnique({
    where: {
      channelId_authorId_nonce: { channelId: input.channelId, authorId: input.authorId, nonce: input.nonce },
    },
    select: messageViewSelect,
  });
  return row ? toMessageView(row) : null;
}

/**
 * Edits or deletes the author's own message as an event of the channel's stream, so a client that was
 * away replays it. The stream's seq is taken before the message row is touched (as sends do), so
 * writers lock in one order, and a later version always has a later seq.
 */
export async function changeOwnMessage(
  prisma: Database,
  input: { messageId: string; userId: string; change: { body: string } | 'delete' },
): Promise<Written> {
  const noSuchMessage = new AppError('NOT_FOUND', 'No such message.');
  const current = await prisma.message.findUnique({
    where: { id: input.messageId },
    select: { authorId: true, channelId: true },
  });
  if (!current) throw noSuchMessage;
  // A message in a private channel the user is not in is answered like one that does not exist.
  await requireMember(prisma, input.userId, current.channelId).catch((error: unknown) => {
    throw isAppError(error) && error.code === 'NOT_FOUND' ? noSuchMessage : error;
  });
  if (current.authorId !== input.userId)
    throw new AppError('FORBIDDEN', 'You can only change your own messages.');
  const streamId = streamIds.channel(current.channelId);
  const now = new Date();
  const data = input.change === 'delete' ? { deletedAt: now } : { body: input.change.body, editedAt: now };
  return prisma.$transaction(async (tx) => {
    const seq = await takeStreamSeqs(tx, streamId);
    // Under the stream's lock: an edit racing a delete (two tabs) finds the message deleted.
    const { count } = await tx.message.updateMany({
      where: { id: input.messageId, deletedAt: null },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError('NOT_FOUND', 'This message was deleted.');
    const row = await tx.message.findUniqueOrThrow({
      where: { id: input.messageId },
      select: messageViewSelect,
    });
    const message = toMessageView(row);
    const type = input.change === 'delete' ? 'message.deleted' : 'message.edited';
    const event: StreamEvent = { type, seq, message };
    await recordEvents(tx, streamId, [event]);
    return { message, appended: [{ streamId, events: [event] }] };
  });
}
