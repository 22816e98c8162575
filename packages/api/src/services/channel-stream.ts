import type { Database } from '@spotter/db';
import { tracked } from '@trpc/server';
import { type ChannelEvent, topics } from '../bus/topics';
import type { EventBus } from '../bus/types';
import { readPageBefore, readRange } from './message-read';

/** How many recent messages a first connection (no lastEventId) starts with. */
export const FIRST_CONNECT_PAGE = 50;

/**
 * A resumable stream of one channel's events, each tracked by seq, with no gap and no duplicate:
 * 1. subscribe to the bus and wait until it confirms, so nothing committed from now on is missed;
 * 2. read from the database everything after `lastEventId` (or the latest page on first connect);
 * 3. stream live events, dropping seqs already sent and reading any skipped range from the database.
 * Edits and deletes reuse the newest seq already sent as their id: wsLink forgets `lastEventId`
 * when an item arrives untracked, and a resume must never rewind to an older seq.
 */
export async function* streamChannelEvents(input: {
  prisma: Database;
  bus: EventBus;
  channelId: string;
  lastEventId: number | null;
  signal: AbortSignal;
}) {
  const { prisma, channelId } = input;
  const live = await input.bus.subscribe(topics.channelEvents(channelId), { signal: input.signal });

  let sent = input.lastEventId ?? 0;
  const backlog =
    input.lastEventId === null
      ? (await readPageBefore(prisma, { channelId, limit: FIRST_CONNECT_PAGE })).items
      : readRange(prisma, { channelId, afterSeq: input.lastEventId });
  for await (const message of backlog) {
    sent = message.seq;
    yield tracked(String(sent), { type: 'message.created', message } as ChannelEvent);
  }

  for await (const event of live) {
    const { seq } = event.message;
    if (seq > sent + 1 || (event.type !== 'message.created' && seq > sent)) {
      // A publish went missing (or arrived late): the database has what was skipped.
      for await (const message of readRange(prisma, { channelId, afterSeq: sent, uptoSeq: seq - 1 })) {
        sent = message.seq;
        yield tracked(String(sent), { type: 'message.created', message } as ChannelEvent);
      }
    }
    if (event.type === 'message.created') {
      if (seq <= sent) continue;
      sent = seq;
    } else if (seq > sent) {
      // An edit of a message this stream never sent: the event carries the whole message,
      // and clients upsert by seq, so it stands in for the creation.
      sent = seq;
    }
    yield tracked(String(sent), event);
  }
}
