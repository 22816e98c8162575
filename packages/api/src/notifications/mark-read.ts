import type { Database, Transaction } from '@spotter/db';
import { AppError } from '../errors';
import { recordEvents, takeStreamSeqs } from '../streams/append';
import type { StreamEvent } from '../streams/events';
import type { Appended } from '../streams/publish';
import { streamIds } from '../streams/stream-ids';
import { countUnread } from './notify';

export type MarkedRead = { unreadCount: number; appended: Appended[] };

/**
 * Marks some of the user's notifications read and tells their other tabs and devices
 * (`notifications.read`). All or nothing: an id that is not one of theirs answers NOT_FOUND and
 * changes nothing. Ids read already change nothing and announce nothing.
 */
export function markRead(prisma: Database, userId: string, ids: string[]): Promise<MarkedRead> {
  const wanted = [...new Set(ids)];
  return markWhere(prisma, userId, async (tx) => {
    const owned = await tx.notification.findMany({
      where: { id: { in: wanted }, userId },
      select: { id: true, readAt: true },
    });
    if (owned.length < wanted.length) throw new AppError('NOT_FOUND', 'No such notification.');
    return owned.filter((row) => row.readAt === null).map((row) => row.id);
  });
}

/**
 * Marks the user's entries about one workout read (its kudos), on every tab and device: the owner
 * opened the workout's page, which names who gave them, as reading a conversation reads its mentions.
 */
export function markWorkoutRead(prisma: Database, userId: string, workoutId: string): Promise<MarkedRead> {
  return markWhere(prisma, userId, async (tx) => {
    const unread = await tx.notification.findMany({
      where: { userId, workoutId, readAt: null },
      select: { id: true },
    });
    return unread.map((row) => row.id);
  });
}

/** Marks every notification of the user read, on every tab and device. */
export function markAllRead(prisma: Database, userId: string): Promise<MarkedRead> {
  return markWhere(prisma, userId, async () => null);
}

/**
 * Takes the user's stream lock before reading anything: a notification created meanwhile then either
 * committed before (and is marked) or gets a later seq than this read (and stays unread everywhere).
 */
function markWhere(
  prisma: Database,
  userId: string,
  pick: (tx: Transaction) => Promise<string[] | null>,
): Promise<MarkedRead> {
  const streamId = streamIds.user(userId);
  return prisma
    .$transaction(async (tx) => {
      const seq = await takeStreamSeqs(tx, streamId);
      const ids = await pick(tx);
      const readAt = new Date();
      const { count } = await tx.notification.updateMany({
        where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
        data: { readAt },
      });
      const unreadCount = await countUnread(tx, userId);
      if (count === 0) {
        // Nothing changed: give the seq back (the transaction rolls back) so the stream stays gapless.
        throw new NothingToMark(unreadCount);
      }
      const event: StreamEvent = { type: 'notifications.read', seq, ids, readAt, unreadCount };
      await recordEvents(tx, streamId, [event]);
      return { unreadCount, appended: [{ streamId, events: [event] }] };
    })
    .catch((error: unknown) => {
      if (error instanceof NothingToMark) return { unreadCount: error.unreadCount, appended: [] };
      throw error;
    });
}

class NothingToMark extends Error {
  constructor(readonly unreadCount: number) {
    super('nothing to mark read');
  }
}
