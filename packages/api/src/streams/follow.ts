import type { Database } from '@spotter/db';
import { tracked } from '@trpc/server';
import { isAppError } from '../errors';
import { metrics } from '../metrics';
import type { StreamEvent, StreamItem } from './events';
import type { HubMembership, StreamHub } from './hub';
import { type FeedSink, type FeedSource, type PushFeed, pushFeed } from './push-feed';
import { readEvents, readHead } from './read';

/** A client further behind than this gets one `reset` instead of a flood (as Zulip's event queues do). */
export const MAX_REPLAY = 1_000;
/**
 * Without a cursor, a subscription starts this many events back: a program that subscribes and at
 * once sends sees its own message even when the send overtakes the subscription on the server.
 */
export const FIRST_CONNECT_REPLAY = 50;
const PAGE = 200;
/** Live events held for a subscriber while it catches up or waits on a check; beyond, it refills. */
const MAX_HELD = 1_024;

const subscriptions = metrics.activeSubscriptions.labels('stream');

/**
 * Decides after an item whether the subscriber may go on (a channel asks after `member.left`
 * naming the subscriber, or a `reset`); events that arrive meanwhile wait for the answer.
 */
export type FeedGate = { mustCheck(item: StreamItem): boolean; allows(): Promise<boolean> };

/**
 * A gate's `allows` from an access check that throws an AppError when access is gone: false then;
 * any other failure (the database) ends the feed with that error.
 */
export function allowedBy(check: Promise<unknown>): Promise<boolean> {
  return check.then(
    () => true,
    (error: unknown) => {
      if (isAppError(error)) return false;
      throw error;
    },
  );
}

/**
 * One subscriber's view of a stream: every event after `after`, exactly once, in seq order, then
 * live, each tracked by its seq. Starting without a cursor yields one `sync` marker a little behind
 * the stream's position (FIRST_CONNECT_REPLAY) and the events after it; a cursor more than
 * MAX_REPLAY events behind (or behind retention) yields one `reset` at the newest seq, after which
 * the client reloads the newest state. The feed ends when `signal` aborts or the gate says no.
 *
 * Why nothing is missed: the hub adds this subscriber to the stream at its current head (`joinedAt`),
 * so every event after `joinedAt` reaches it, and the catch-up covers (after, joinedAt]. Overlap is
 * dropped by seq; a jump in seq (events shed while it was held up) is read from memory or the database.
 *
 * Live events are handed over synchronously, in the hub's delivery loop, straight to the sink (the
 * WebSocket connection's frame writer): no promise, queue or generator per event and subscriber.
 * Joining happens before this resolves, so a failure to join (the database is down) is the caller's
 * error, with its proper code, rather than a broken stream.
 */
export async function followStream(input: {
  prisma: Database;
  hub: StreamHub;
  streamId: string;
  after: number | null;
  signal: AbortSignal;
  gate?: FeedGate;
}): Promise<PushFeed<StreamItem>> {
  const follower = new StreamFollower(input.prisma, input.streamId, input.after, input.gate);
  follower.membership = await input.hub.join(input.streamId, follower);
  return pushFeed<StreamItem>(input.signal, follower, toTracked);
}

function toTracked(id: string, item: StreamItem) {
  return tracked(id, item);
}

/** The state of one subscription to one stream; see followStream. */
class StreamFollower implements FeedSource<StreamItem> {
  membership: HubMembership | null = null;
  private sink: FeedSink<StreamItem> | null = null;
  /** Highest seq handed to the sink: every seq up to it was covered, in order. */
  private sent = 0;
  /** Live events that arrived while catching up or checking the gate. */
  private held: StreamEvent[] = [];
  private isBusy = true;
  private isStopped = false;

  constructor(
    private readonly prisma: Database,
    private readonly streamId: string,
    private readonly after: number | null,
    private readonly gate: FeedGate | undefined,
  ) {}

  /** Called by the hub for every live event after `joinedAt`, in seq order. */
  push(event: StreamEvent): void {
    if (this.isStopped) return;
    if (this.isBusy) {
      // Shedding the oldest makes a seq jump, which the next catch-up reads back.
      if (this.held.length >= MAX_HELD) this.held.shift();
      this.held.push(event);
      return;
    }
    this.offer(event);
  }

  start(sink: FeedSink<StreamItem>): void {
    this.sink = sink;
    subscriptions.inc();
    this.work(() => this.begin());
  }

  hubClosed(): void {
    if (this.sink) this.sink.end();
    else this.stop();
  }

  stop(): void {
    if (this.isStopped) return;
    this.isStopped = true;
    this.held = [];
    if (this.sink) subscriptions.dec();
    this.membership?.leave();
  }

  private async begin(): Promise<void> {
    const joinedAt = (this.membership as HubMembership).joinedAt;
    if (this.after === null) {
      // A first connect replays a little history, but never from before what retention kept.
      const { prunedThrough } = await readHead(this.prisma, this.streamId);
      this.sent = Math.max(prunedThrough, joinedAt - FIRST_CONNECT_REPLAY, 0);
      if (await this.emit({ type: 'sync', seq: this.sent })) return;
    } else {
      this.sent = this.after;
    }
    if (this.sent < joinedAt) await this.catchUp(this.sent, joinedAt);
  }

  /** A live event when nothing else is in progress: the next one goes out now; a jump is read first. */
  private offer(event: StreamEvent): void {
    if (event.seq <= this.sent) return;
    if (event.seq > this.sent + 1) {
      metrics.gapFills.inc({ reason: 'slow-subscriber' });
      this.held.unshift(event);
      this.work(() => this.catchUp(this.sent, event.seq - 1));
      return;
    }
    this.sent = event.seq;
    metrics.countDelivered();
    this.sink?.next(String(event.seq), event);
    if (this.gate?.mustCheck(event)) this.work(() => this.check());
  }

  /**
   * Runs async work (a catch-up, a gate check) while live events are held, then hands the held ones
   * over; a failure ends the feed with it.
   */
  private work(task: () => Promise<unknown>): void {
    this.isBusy = true;
    task().then(
      () => {
        this.isBusy = false;
        while (!this.isBusy && !this.isStopped && this.held.length > 0)
          this.offer(this.held.shift() as StreamEvent);
      },
      (error: unknown) => this.sink?.end(error),
    );
  }

  /** Hands an item over; true when the feed must end there (stopped, or the gate said no). */
  private async emit(item: StreamItem): Promise<boolean> {
    if (this.isStopped) return true;
    this.sent = item.seq;
    if (item.type !== 'sync' && item.type !== 'reset') metrics.countDelivered();
    this.sink?.next(String(item.seq), item);
    if (this.gate?.mustCheck(item)) return this.check();
    return false;
  }

  /** Asks the gate; ends the feed when it says no. True when it ended. */
  private async check(): Promise<boolean> {
    if (await (this.gate as FeedGate).allows()) return false;
    this.sink?.end();
    return true;
  }

  /** Everything in (from, upto], or one `reset` when that is too much or no longer kept. */
  private async catchUp(from: number, upto: number): Promise<void> {
    if (upto - from > MAX_REPLAY || !(await this.isKept(from))) {
      await this.emit({ type: 'reset', seq: upto });
      return;
    }
    for await (const event of this.range(from, upto)) {
      if (event.seq <= this.sent) continue;
      if (await this.emit(event)) return;
    }
  }

  /** Whether every event after `from` is still stored (memory first; the database knows what was pruned). */
  private async isKept(from: number): Promise<boolean> {
    const oldest = this.membership?.recent()[0]?.seq;
    if (oldest !== undefined && oldest <= from + 1) return true;
    return from >= (await readHead(this.prisma, this.streamId)).prunedThrough;
  }

  /** (from, upto] from the hub's memory when it still holds it, else from the database in pages. */
  private async *range(from: number, upto: number): AsyncGenerator<StreamEvent> {
    const recent = this.membership?.recent() ?? [];
    const oldest = recent[0]?.seq;
    if (oldest !== undefined && oldest <= from + 1) {
      yield* recent.filter((event) => event.seq > from && event.seq <= upto);
      return;
    }
    for (let cursor = from; cursor < upto; ) {
      const page = await readEvents(this.prisma, this.streamId, { after: cursor, upto, limit: PAGE });
      yield* page;
      const last = page.at(-1);
      if (!last || page.length < PAGE) return;
      cursor = last.seq;
    }
  }
}
