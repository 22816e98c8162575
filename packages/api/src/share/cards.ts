import type { Transaction } from '@spotter/db';
import { messageViewSelect, toMessageView } from '../message/view';
import { lockStreams, recordEvents, takeStreamSeqs } from '../streams/append';
import type { StreamEvent } from '../streams/events';
import type { Appended } from '../streams/publish';
import { streamIds } from '../streams/stream-ids';

/** The live messages that shared a workout, by channel, under their channel streams' locks. */
export type SharedMessages = { channelId: string; ids: string[] }[];

/**
 * After a workout turned PRIVATE, or back from PRIVATE: every message that shared it becomes a new
 * version (its card gone, or back; see toMessageView), told as a `message.edited` event of its
 * channel, so conversations that are open follow at once and a replay shows the message as it is.
 * The message keeps its text and its `editedAt`: its author did not edit it.
 *
 * Call it inside the change's transaction, before it appends to any user or feed stream (channel
 * streams are locked first, in id order, as every writer does).
 */
export async function refreshSharedCards(tx: Transaction, workoutId: string): Promise<Appended[]> {
  return reissueSharedMessages(tx, await lockSharedMessages(tx, workoutId));
}

/**
 * Finds the messages that shared a workout and locks their channel streams (in id order): the first
 * half of refreshSharedCards, for a change that must find them before it unlinks them (deleting the
 * workout clears their `workoutId`).
 */
export async function lockSharedMessages(tx: Transaction, workoutId: string): Promise<SharedMessages> {
  const where = { workoutId, deletedAt: null };
  const channels = await tx.message.findMany({ where, select: { channelId: true }, distinct: ['channelId'] });
  const channelIds = channels.map((channel) => channel.channelId).sort();
  if (channelIds.length === 0) return [];
  await lockStreams(tx, channelIds.map(streamIds.channel));
  // Read again under the streams' locks: a message deleted meanwhile is left alone.
  const shared = await tx.message.findMany({
    where: { ...where, channelId: { in: channelIds } },
    select: { id: true, channelId: true },
    orderBy: [{ channelId: 'asc' }, { seq: 'asc' }],
  });
  return channelIds
    .map((channelId) => ({
      channelId,
      ids: shared.filter((message) => message.channelId === channelId).map((message) => message.id),
    }))
    .filter((channel) => channel.ids.length > 0);
}

/** The second half: each message a new version as it is now, a `message.edited` in its channel. */
export async function reissueSharedMessages(tx: Transaction, shared: SharedMessages): Promise<Appended[]> {
  const appended: Appended[] = [];
  for (const { channelId, ids } of shared) {
    const streamId = streamIds.channel(channelId);
    const first = await takeStreamSeqs(tx, streamId, ids.length);
    await tx.message.updateMany({ where: { id: { in: ids } }, data: { version: { increment: 1 } } });
    const rows = await tx.message.findMany({
      where: { id: { in: ids } },
      select: messageViewSelect,
      orderBy: { seq: 'asc' },
    });
    const events: StreamEvent[] = rows.map((row, index) => ({
      type: 'message.edited',
      seq: first + index,
      message: toMessageView(row),
    }));
    await recordEvents(tx, streamId, events);
    appended.push({ streamId, events });
  }
  return appended;
}
