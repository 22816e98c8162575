import type { Database } from '@spotter/db';
import { tracked } from '@trpc/server';
import { type ChannelEvent, type MessageView, topics } from '../bus/topics';
import type { EventBus } from '../bus/types';
import { metrics } from '../metrics';
import { liveWithResyncs, RESYNC } from './live-with-resyncs';
import { readPageBefore, readRange } from './message-read';

/** How many recent messages a first connection (no lastEventId) starts with. */
export const FIRST_CONNECT_PAGE = 50;

const delivered = metrics.eventsDelivered.labels('channel');
const subscriptions = metrics.activeSubscriptions.labels('message.onEvent');

type GapReason = 'resume' | 'lost-publish' | 'bus-recovered';

/**
 * A resumable stream of one channel's events, each tracked by seq, with no gap and no duplicate:
 * 1. subscribe to the bus and wait until it confirms, so nothing committed from now on is missed;
 * 2. read from the database everything after `lastEventId` (or the latest page on first connect);
 * 3. stream live events, dropping seqs already sent and reading any skipped range from the
 *    database — when a seq jumps ahead, and when the bus comes back after an outage.
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
  const { prisma, bus, channelId } = input;
  const live = await bus.subscribe(topics.channelEvents(channelId), { signal: input.signal });
  subscriptions.inc();
  let sent = input.lastEventId ?? 0;

  const send = (event: ChannelEvent) => {
    delivered.inc();
    return tracked(String(sent), event);
  };
  async function* fillFromDatabase(reason: GapReason, uptoSeq?: number) {
    let count = 0;
    for await (const message of readRange(prisma, {
      channelId,
      afterSeq: sent,
      ...(uptoSeq ? { uptoSeq } : {}),
    })) {
      sent = message.seq;
      count++;
      yield send(created(message));
    }
    if (count > 0) {
      metrics.gapFills.inc({ reason });
      metrics.gapFilledMessages.inc(count);
    }
  }

  try {
    if (input.lastEventId === null) {
      for (const message of (await readPageBefore(prisma, { channelId, limit: FIRST_CONNECT_PAGE })).items) {
        sent = message.seq;
        yield send(created(message));
      }
    } else {
      yield* fillFromDatabase('resume');
    }

    for await (const item of liveWithResyncs(live, (listener) => bus.onLive(listener))) {
      if (item === RESYNC) {
        yield* fillFromDatabase('bus-recovered');
        continue;
      }
      const { seq } = item.message;
      if (seq > sent + 1 || (item.type !== 'message.created' && seq > sent)) {
        yield* fillFromDatabase('lost-publish', seq - 1);
      }
      if (item.type === 'message.created') {
        if (seq <= sent) continue;
        sent = seq;
      } else if (seq > sent) {
        // An edit of a message this stream never sent: the event carries the whole message,
        // and clients upsert by seq, so it stands in for the creation.
        sent = seq;
      }
      yield send(item);
    }
  } finally {
    subscriptions.dec();
  }
}

function created(message: MessageView): ChannelEvent {
  return { type: 'message.created', message };
}
