import type { Database } from '@spotter/db';
import { metrics } from '../metrics';
import type { StreamEvent, StreamItem } from './events';
import type { Joined, StreamHub } from './hub';
import { readEvents, readHead } from './read';

/** A client further behind than this gets one `reset` instead of a flood (as Zulip's event queues do). */
export const MAX_REPLAY = 1_000;
/**
 * Without a cursor, a subscription starts this many events back: a program that subscribes and at
 * once sends sees its own message even when the send overtakes the subscription on the server.
 */
export const FIRST_CONNECT_REPLAY = 50;
const PAGE = 200;

const delivered = metrics.eventsDelivered.labels('stream');
const subscriptions = metrics.activeSubscriptions.labels('stream');

/**
 * One subscriber's view of a stream: every event after `after`, exactly once, in seq order, then
 * live. Starting without a cursor yields one `sync` marker a little behind the stream's position
 * (FIRST_CONNECT_REPLAY) and the events after it; a cursor more than MAX_REPLAY events behind (or
 * behind retention) yields one `reset` at the newest seq, after which the client reloads the newest
 * state. Every item carries its seq: yield it as the tracked id.
 *
 * Why nothing is missed: the hub adds this subscriber to the stream at its current head (`joinedAt`),
 * so every event after `joinedAt` is queued for it, and the catch-up covers (after, joinedAt].
 * Overlap is dropped by seq. A subscriber that lags loses the oldest of its queue; the jump in seq
 * shows it, and the missing range is read from memory or the database.
 *
 * Joining happens before this resolves, so a failure to join (the database is down) is the
 * caller's error, with its proper code, rather than a broken stream.
 */
export async function followStream(input: {
  prisma: Database;
  hub: StreamHub;
  streamId: string;
  after: number | null;
  signal: AbortSignal;
}): Promise<AsyncGenerator<StreamItem>> {
  const { prisma, streamId } = input;
  const joined = await input.hub.join(streamId, input.signal);
  return deliver(prisma, streamId, joined, input.after);
}

async function* deliver(
  prisma: Database,
  streamId: string,
  joined: Joined,
  after: number | null,
): AsyncGenerator<StreamItem> {
  let sent = 0;

  /** Everything in (from, upto], or one `reset` when that is too much or no longer kept. */
  async function* catchUp(from: number, upto: number): AsyncGenerator<StreamItem> {
    if (upto - from > MAX_REPLAY || !(await isKept(from))) {
      sent = upto;
      yield { type: 'reset', seq: upto };
      return;
    }
    for await (const event of range(from, upto)) {
      if (event.seq <= sent) continue;
      sent = event.seq;
      delivered.inc();
      yield event;
    }
  }

  /** Whether every event after `from` is still stored (memory first; the database knows what was pruned). */
  async function isKept(from: number): Promise<boolean> {
    const oldest = joined.recent()[0]?.seq;
    if (oldest !== undefined && oldest <= from + 1) return true;
    return from >= (await readHead(prisma, streamId)).prunedThrough;
  }

  /** (from, upto] from the hub's memory when it still holds it, else from the database in pages. */
  async function* range(from: number, upto: number): AsyncGenerator<StreamEvent> {
    const recent = joined.recent();
    const oldest = recent[0]?.seq;
    if (oldest !== undefined && oldest <= from + 1) {
      yield* recent.filter((event) => event.seq > from && event.seq <= upto);
      return;
    }
    for (let cursor = from; cursor < upto; ) {
      const page = await readEvents(prisma, streamId, { after: cursor, upto, limit: PAGE });
      yield* page;
      const last = page.at(-1);
      if (!last || page.length < PAGE) return;
      cursor = last.seq;
    }
  }

  subscriptions.inc();
  try {
    if (after === null) {
      // A first connect replays a little history, but never from before what retention kept.
      const { prunedThrough } = await readHead(prisma, streamId);
      sent = Math.max(prunedThrough, joined.joinedAt - FIRST_CONNECT_REPLAY, 0);
      yield { type: 'sync', seq: sent };
    } else {
      sent = after;
    }
    if (sent < joined.joinedAt) yield* catchUp(sent, joined.joinedAt);

    for await (const event of joined.live) {
      if (event.seq <= sent) continue;
      if (event.seq > sent + 1) {
        metrics.gapFills.inc({ reason: 'slow-subscriber' });
        yield* catchUp(sent, event.seq - 1);
        if (event.seq <= sent) continue;
      }
      sent = event.seq;
      delivered.inc();
      yield event;
    }
  } finally {
    subscriptions.dec();
    // However it ends — the client left, the caller stopped early, a read failed — the hub lets go.
    joined.leave();
  }
}
