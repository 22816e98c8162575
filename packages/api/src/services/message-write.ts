import type { Database } from '@spotter/db';
import { TRPCError } from '@trpc/server';
import type { MessageView } from '../bus/topics';
import { assertMember } from './channel-access';
import { messageViewSelect, toMessageView } from './message-view';

export type NewMessage = { channelId: string; authorId: string; body: string; nonce?: string | undefined };

/**
 * Stores a message under the next per-channel seq. Incrementing `Channel.lastSeq` takes the
 * channel row's lock until commit, so seqs are gapless and in commit order. A retried send with
 * the same nonce returns the stored copy instead of posting twice.
 */
export async function createMessage(
  prisma: Database,
  input: NewMessage,
): Promise<{ message: MessageView; isNew: boolean }> {
  await assertMember(prisma, input.authorId, input.channelId);
  const earlier = await findByNonce(prisma, input);
  if (earlier) return { message: earlier, isNew: false };
  try {
    const row = await prisma.$transaction(async (tx) => {
      const { lastSeq } = await tx.channel.update({
        where: { id: input.channelId },
        data: { lastSeq: { increment: 1 } },
        select: { lastSeq: true },
      });
      return tx.message.create({
        data: {
          channelId: input.channelId,
          authorId: input.authorId,
          body: input.body,
          nonce: input.nonce ?? null,
          seq: lastSeq,
        },
        select: messageViewSelect,
      });
    });
    return { message: toMessageView(row), isNew: true };
  } catch (error) {
    // Two retries raced past the check above: the unique nonce rejected the second, whose
    // transaction (and seq) rolled back; answer with the copy that won.
    const winner = isUniqueViolation(error) ? await findByNonce(prisma, input) : null;
    if (winner) return { message: winner, isNew: false };
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

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'P2002';
}

/** Edits or deletes the author's own message, bumping its version so every tab keeps the newest copy. */
export async function changeOwnMessage(
  prisma: Database,
  input: { messageId: string; userId: string; change: { body: string } | 'delete' },
): Promise<MessageView> {
  const current = await prisma.message.findUnique({
    where: { id: input.messageId },
    select: { authorId: true, channelId: true, deletedAt: true },
  });
  if (!current) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such message.' });
  await assertMember(prisma, input.userId, current.channelId);
  if (current.authorId !== input.userId) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'You can only change your own messages.' });
  }
  if (current.deletedAt) throw new TRPCError({ code: 'NOT_FOUND', message: 'This message was deleted.' });
  const now = new Date();
  const data = input.change === 'delete' ? { deletedAt: now } : { body: input.change.body, editedAt: now };
  const row = await prisma.message.update({
    where: { id: input.messageId },
    data: { ...data, version: { increment: 1 } },
    select: messageViewSelect,
  });
  return toMessageView(row);
}
