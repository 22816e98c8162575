import { type Database, rawAccessOf, type Transaction } from '@spotter/db';
import { canModerate, channelRefusals, requireMember } from '../channel/access';
import { notifyDirectMessage } from '../conversations/notify-direct';
import { AppError, isAppError } from '../errors';
import { recordMentions } from '../mentions/record';
import { type ResolvedMentions, resolveMentions } from '../mentions/resolve';
import { recordEvents, takeStreamSeqs } from '../streams/append';
import type { MessageView, StreamEvent } from '../streams/events';
import type { Appended } from '../streams/publish';
import { streamIds } from '../streams/stream-ids';
import { holdWorkout } from '../workouts/access';
import { type BatchedSend, createSendBatcher, sendAlone, sendAloneOnPool } from './send-batch';
import { type FlatMessageRow, flatRowToMessageView, messageViewSelect, toMessageView } from './view';

export type NewMessage = {
  channelId: string;
  authorId: string;
  body: string;
  nonce?: string | undefined;
  /** A shared workout (workout.share, which checked it): the message renders as its card. */
  workoutId?: string | undefined;
};
export type Written = { message: MessageView; appended: Appended[] };

/** What `spotter_send_message` answers (see its migration): one row, message columns null on refusal. */
type SendRow = FlatMessageRow & {
  outcome: 'sent' | 'earlier' | 'no-channel' | 'not-member' | 'not-friends';
  /** The conversation's kind; null when the send was refused as 'no-channel'. */
  kind: ChannelKind | null;
};

export type ChannelKind = 'CHANNEL' | 'DIRECT' | 'GROUP';
export type Sent = Written & { kind: ChannelKind };

/**
 * Stores a message as the next event of its channel's stream: the message takes the event's seq as
 * its position. One database function does it in one round trip (the hot path) — it takes the
 * stream's lock, then checks membership (a send lands before the author's removal or is refused)
 * and the nonce (a retried send returns the stored copy and appends nothing); in a direct
 * conversation, that the two are still friends (neither blocking); then stores the message and its
 * event. The conversation's kind comes back with it, for callers that treat DMs differently. A body
 * that mentions people takes a transaction instead: the same function, then the Mention rows and
 * the mentioned users' notifications, all committed together; so does a shared workout (the message
 * is linked to it in the same transaction, and its event carries the workout's card).
 */
export async function sendMessage(prisma: Database, input: NewMessage): Promise<Sent> {
  const mentioned = await resolveMentions(prisma, input);
  const sent =
    mentioned || input.workoutId
      ? await prisma.$transaction(async (tx) => {
          // A shared workout is held first, as the lock order wants: it cannot go while it is shared.
          if (input.workoutId) await holdWorkout(tx, input.workoutId);
          return storeMessage(tx, { ...input, body: mentioned?.body ?? input.body }, mentioned ?? undefined);
        })
      : await storeMessage(prisma, input, undefined, batchedSendOf(prisma));
  if (sent.kind === 'CHANNEL' || sent.appended.length === 0) return sent;
  // A new message in a direct or group conversation: the others' notification lists hear of it.
  const told = await notifyDirectMessage(prisma, {
    channelId: input.channelId,
    authorId: input.authorId,
    messageId: sent.message.id,
  });
  return { ...sent, appended: [...sent.appended, ...told] };
}

/** Plain sends through one database client are group-committed (see send-batch.ts): one batcher per client. */
const batchers = new WeakMap<Database, (send: BatchedSend) => Promise<SendRow>>();
function batchedSendOf(prisma: Database): (send: BatchedSend) => Promise<SendRow> {
  let batched = batchers.get(prisma);
  if (!batched) {
    const raw = rawAccessOf(prisma);
    batched = createSendBatcher<SendRow>(raw, (send) => sendAloneOnPool<SendRow>(raw, send));
    batchers.set(prisma, batched);
  }
  return batched;
}

/** `send` runs the statement: alone by default, or group-committed with others (plain sends). */
async function storeMessage(
  db: Database | Transaction,
  input: NewMessage,
  mentioned?: ResolvedMentions,
  send: (send: BatchedSend) => Promise<SendRow> = (one) => sendAlone<SendRow>(db, one),
): Promise<Sent> {
  const row = await send({
    channelId: input.channelId,
    authorId: input.authorId,
    body: input.body,
    nonce: input.nonce ?? null,
  });
  const { outcome, kind, ...message } = row;
  if (outcome === 'no-channel' || !kind) throw channelRefusals.noSuchChannel();
  if (outcome === 'not-member') throw channelRefusals.joinFirst();
  if (outcome === 'not-friends') throw new AppError('FORBIDDEN', 'You can only message friends.');
  if (outcome === 'earlier') {
    // A retry: the first copy as stored, with its own mentions (a copy without any costs no query).
    const stored =
      mentioned || input.workoutId
        ? toMessageView(
            await db.message.findUniqueOrThrow({ where: { id: message.id }, select: messageViewSelect }),
          )
        : flatRowToMessageView(message);
    return { message: stored, appended: [], kind };
  }
  const view = input.workoutId
    ? await attachWorkout(db as Transaction, message.id, input.workoutId)
    : flatRowToMessageView(message, mentioned?.users);
  const streamId = streamIds.channel(input.channelId);
  const event: StreamEvent = { type: 'message.created', seq: view.seq, message: view };
  const appended: Appended[] = [{ streamId, events: [event] }];
  if (mentioned) {
    // Only reached inside the transaction sendMessage opened for a body with mentions.
    const notified = await recordMentions(db as Transaction, {
      messageId: view.id,
      channelId: input.channelId,
      authorId: input.authorId,
      users: mentioned.users,
    });
    appended.push(...notified);
  }
  return { message: view, appended, kind };
}

/** Links a just-sent message to the workout it shares (same transaction), and reads it with its card. */
async function attachWorkout(tx: Transaction, messageId: string, workoutId: string): Promise<MessageView> {
  const row = await tx.message.update({
    where: { id: messageId },
    data: { workoutId },
    select: messageViewSelect,
  });
  return toMessageView(row);
}

/**
 * Edits or deletes the author's own message (moderators of a named channel also delete others') as an
 * event of the channel's stream, so a client that was away replays it. The stream's seq is taken before the message row is touched (as sends do), so
 * writers lock in one order, and a later version always has a later seq. An edit's mentions replace
 * the old ones; only people it newly mentions are notified.
 */
export async function changeOwnMessage(
  prisma: Database,
  input: { messageId: string; userId: string; change: { body: string } | 'delete' },
): Promise<Written> {
  const noSuchMessage = new AppError('NOT_FOUND', 'No such message.');
  const current = await prisma.message.findUnique({
    where: { id: input.messageId },
    select: { authorId: true, channelId: true, channel: { select: { kind: true } } },
  });
  if (!current) throw noSuchMessage;
  // A message in a private channel the user is not in is answered like one that does not exist.
  const role = await requireMember(prisma, input.userId, current.channelId).catch((error: unknown) => {
    throw isAppError(error) && error.code === 'NOT_FOUND' ? noSuchMessage : error;
  });
  // Moderators of a named channel delete others' messages; nobody edits them.
  if (
    current.authorId !== input.userId &&
    !(input.change === 'delete' && canModerate(role) && current.channel.kind === 'CHANNEL')
  )
    throw new AppError('FORBIDDEN', 'You can only change your own messages.');
  const { change } = input;
  const mentioned =
    change === 'delete'
      ? null
      : await resolveMentions(prisma, {
          channelId: current.channelId,
          authorId: input.userId,
          body: change.body,
        });
  const streamId = streamIds.channel(current.channelId);
  const now = new Date();
  const data =
    change === 'delete' ? { deletedAt: now } : { body: mentioned?.body ?? change.body, editedAt: now };
  return prisma.$transaction(async (tx) => {
    const seq = await takeStreamSeqs(tx, streamId);
    // Under the stream's lock: an edit racing a delete (two tabs) finds the message deleted.
    const { count } = await tx.message.updateMany({
      where: { id: input.messageId, deletedAt: null },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError('NOT_FOUND', 'This message was deleted.');
    const notified = await recordMentions(tx, {
      messageId: input.messageId,
      channelId: current.channelId,
      authorId: input.userId,
      users: mentioned?.users ?? [],
    });
    const row = await tx.message.findUniqueOrThrow({
      where: { id: input.messageId },
      select: messageViewSelect,
    });
    const message = toMessageView(row);
    const type = change === 'delete' ? 'message.deleted' : 'message.edited';
    const event: StreamEvent = { type, seq, message };
    await recordEvents(tx, streamId, [event]);
    return { message, appended: [{ streamId, events: [event] }, ...notified] };
  });
}
