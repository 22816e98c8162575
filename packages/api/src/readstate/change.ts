import type { Database, Transaction } from '@spotter/db';
import { requireMember } from '../channel/access';
import { AppError } from '../errors';
import { countUnread } from '../notifications/notify';
import { appendEvents, lockStreams } from '../streams/append';
import type { EventDraft } from '../streams/events';
import type { Appended } from '../streams/publish';
import { readHead } from '../streams/read';
import { streamIds } from '../streams/stream-ids';
import { type NotificationLevel, type ReadState, readStates } from './counts';

export type ReadStateChange =
  | { kind: 'read'; seq: number }
  | { kind: 'unread'; fromSeq: number }
  | { kind: 'level'; level: NotificationLevel };

export type Changed = { state: ReadState; appended: Appended[] };

/**
 * Changes one member's read state and tells all of their devices (`readState.changed` on their
 * personal stream). Reading also marks that conversation's mention and direct-message notifications
 * up to the seq read (`notifications.read`), so the bell agrees with the badges. A read never moves
 * backwards (a slow tab's older read changes nothing); "mark unread" is the one way back. A change
 * that changes nothing announces nothing.
 */
export async function changeReadState(
  prisma: Database,
  userId: string,
  channelId: string,
  change: ReadStateChange,
): Promise<Changed> {
  await requireMember(prisma, userId, channelId);
  if (change.kind !== 'level') {
    const seq = change.kind === 'read' ? change.seq : change.fromSeq;
    const { lastSeq } = await readHead(prisma, streamIds.channel(channelId));
    if (seq > lastSeq) {
      throw new AppError('BAD_REQUEST', `This conversation has nothing after ${lastSeq} to mark.`);
    }
  }
  const streamId = streamIds.user(userId);
  return prisma.$transaction(async (tx) => {
    // The user's stream lock orders this against notifications created meanwhile (see notify.ts).
    await lockStreams(tx, [streamId]);
    const { drafts, isChanged } = await apply(tx, userId, channelId, change);
    // Counted in the change's transaction, so the answer and the event carry the same counts.
    const [state] = await readStates(tx, userId, channelId);
    if (!state) throw new AppError('NOT_FOUND', 'No such channel.');
    if (isChanged) drafts.push(changedEvent(state));
    const appended =
      drafts.length > 0 ? [{ streamId, events: await appendEvents(tx, streamId, drafts) }] : [];
    return { state, appended };
  });
}

async function apply(
  tx: Transaction,
  userId: string,
  channelId: string,
  change: ReadStateChange,
): Promise<{ drafts: EventDraft[]; isChanged: boolean }> {
  const { count } = await tx.membership.updateMany({
    where: {
      userId,
      channelId,
      ...(change.kind === 'read' ? { lastReadSeq: { lt: change.seq } } : {}),
      ...(change.kind === 'unread' ? { lastReadSeq: { not: change.fromSeq - 1 } } : {}),
      ...(change.kind === 'level' ? { notificationLevel: { not: change.level } } : {}),
    },
    data:
      change.kind === 'level'
        ? { notificationLevel: change.level }
        : { lastReadSeq: change.kind === 'read' ? change.seq : change.fromSeq - 1 },
  });
  const drafts = change.kind === 'read' ? await readNotifications(tx, userId, channelId, change.seq) : [];
  return { drafts, isChanged: count > 0 };
}

function changedEvent(state: ReadState): EventDraft {
  return {
    type: 'readState.changed',
    state: { channelId: state.channelId, lastReadSeq: state.lastReadSeq, level: state.level },
    counts: {
      streamSeq: state.streamSeq,
      unreadCount: state.unreadCount,
      mentionCount: state.mentionCount,
      firstUnreadSeq: state.firstUnreadSeq,
      lastMessageAt: state.lastMessageAt,
    },
  };
}

/** Marks the conversation's mention and DM notifications of messages up to `seq` read. */
async function readNotifications(
  tx: Transaction,
  userId: string,
  channelId: string,
  seq: number,
): Promise<EventDraft[]> {
  const rows = await tx.notification.findMany({
    where: {
      userId,
      channelId,
      readAt: null,
      kind: { in: ['MENTION', 'DIRECT_MESSAGE'] },
      message: { seq: { lte: seq } },
    },
    select: { id: true },
  });
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const readAt = new Date();
  await tx.notification.updateMany({ where: { id: { in: ids } }, data: { readAt } });
  return [{ type: 'notifications.read', ids, readAt, unreadCount: await countUnread(tx, userId) }];
}
