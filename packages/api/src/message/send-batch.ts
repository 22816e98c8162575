import type { Database, Transaction } from '@spotter/db';
import { databaseTrouble } from '../database-errors';

/** One plain send (no mentions, no shared workout), as `spotter_send_message` takes it. */
export type BatchedSend = { channelId: string; authorId: string; body: string; nonce: string | null };

/** Runs one send alone: the batch's fallback when a batch fails for a reason one of its sends caused. */
export type SendOne<Row> = (send: BatchedSend) => Promise<Row>;

/** Sends taken into one statement at most; a bigger burst waits for the next batch. */
const MAX_BATCH = 64;
/** Batches of one process in flight at once (each holds one pooled connection while it runs). */
const MAX_IN_FLIGHT = 2;

type Waiting<Row> = { send: BatchedSend; resolve(row: Row): void; reject(error: unknown): void };

/**
 * Group commit for plain sends: the sends a process receives while its previous batch is in the
 * database go together into one statement — one round trip, one transaction, one commit —
 * instead of one each. Nothing waits on purpose: a send that finds a free slot goes in the next
 * turn of the event loop (with whatever else arrived in the same turn), so a quiet server answers
 * as fast as before and a busy one does less work per send, which is when it matters.
 *
 * Every guarantee of a single send holds: each send runs `spotter_send_message` as before, in order
 * within the batch, so seqs stay gapless and a nonce repeated in one batch finds its first copy.
 *
 * A channel is in one batch in flight at most: its later sends wait in the queue (in order) until
 * that batch is answered, and the free slot goes to other channels' sends. Otherwise a busy channel
 * (a flood, a hot room) would fill both slots with batches that wait on each other for its stream's
 * lock, and every other channel's sends on this replica would wait behind them. Batches in flight
 * therefore never share a stream, so they cannot contend or deadlock.
 *
 * If the statement fails because of one send (a value the database cannot store, say), the whole
 * transaction rolled back and each send runs alone, so only that one fails; if the database is down
 * or busy, every send of the batch gets that retryable error.
 */
export function createSendBatcher<Row>(
  db: Database,
  sendOne: SendOne<Row>,
): (send: BatchedSend) => Promise<Row> {
  let queue: Waiting<Row>[] = [];
  let inFlight = 0;
  let isScheduled = false;
  /** Channels with sends in a batch in flight. */
  const busyChannels = new Set<string>();

  /** Takes the next batch off the queue: the oldest sends of channels not in flight, in order. */
  const takeBatch = (): Waiting<Row>[] => {
    const batch: Waiting<Row>[] = [];
    const rest: Waiting<Row>[] = [];
    for (const waiting of queue) {
      if (batch.length < MAX_BATCH && !busyChannels.has(waiting.send.channelId)) batch.push(waiting);
      else rest.push(waiting);
    }
    queue = rest;
    return batch;
  };

  const pump = () => {
    isScheduled = false;
    while (queue.length > 0 && inFlight < MAX_IN_FLIGHT) {
      const batch = takeBatch();
      if (batch.length === 0) return;
      const channels = new Set(batch.map((waiting) => waiting.send.channelId));
      for (const channel of channels) busyChannels.add(channel);
      inFlight++;
      void run(batch).finally(() => {
        inFlight--;
        for (const channel of channels) busyChannels.delete(channel);
        if (queue.length > 0) schedule();
      });
    }
  };
  const schedule = () => {
    if (isScheduled) return;
    isScheduled = true;
    setImmediate(pump);
  };

  const run = async (batch: Waiting<Row>[]) => {
    if (batch.length === 1) {
      const [only] = batch as [Waiting<Row>];
      return sendOne(only.send).then(only.resolve, only.reject);
    }
    let rows: (Row | undefined)[];
    try {
      rows = await sendMany<Row>(
        db,
        batch.map((waiting) => waiting.send),
      );
    } catch (error) {
      if (databaseTrouble(error)) {
        for (const waiting of batch) waiting.reject(error);
        return;
      }
      // Nothing of the batch was stored: each send alone, so the error reaches only its cause; one
      // after the other, so a channel's messages keep the order they arrived in.
      for (const waiting of batch) await sendOne(waiting.send).then(waiting.resolve, waiting.reject);
      return;
    }
    // The statement committed: a send without its row is not run again (it may be stored).
    const missing = new Error('the batched send returned no row for this message');
    for (const [index, waiting] of batch.entries()) {
      const row = rows[index];
      if (row === undefined) waiting.reject(missing);
      else waiting.resolve(row);
    }
  };

  return (send) =>
    new Promise<Row>((resolve, reject) => {
      queue.push({ send, resolve, reject });
      schedule();
    });
}

/** One send, one statement: `spotter_send_message`'s row (in `db`'s transaction, if it is one). */
export async function sendAlone<Row>(db: Database | Transaction, send: BatchedSend): Promise<Row> {
  const [row] = await db.$queryRaw<Row[]>`
    SELECT * FROM spotter_send_message(${send.channelId}, ${send.authorId}, ${send.body}, ${send.nonce})`;
  if (!row) throw new Error('spotter_send_message returned no row');
  return row;
}

/** The batch's sends, in channel order, through one statement; the rows come back in input order. */
async function sendMany<Row>(db: Database, sends: BatchedSend[]): Promise<(Row | undefined)[]> {
  const order = sends.map((_, index) => index);
  order.sort((a, b) => compare(sends[a]?.channelId ?? '', sends[b]?.channelId ?? '') || a - b);
  const ordered = order.map((index) => sends[index] as BatchedSend);
  // The lateral call runs once per unnested row, in row order, inside the statement's one transaction.
  const rows = await db.$queryRaw<(Row & { ord: number })[]>`
    SELECT b."ord"::INTEGER AS "ord", s.*
    FROM unnest(
      ${ordered.map((s) => s.channelId)}::TEXT[],
      ${ordered.map((s) => s.authorId)}::TEXT[],
      ${ordered.map((s) => s.body)}::TEXT[],
      ${ordered.map((s) => s.nonce)}::TEXT[]
    ) WITH ORDINALITY AS b("channelId", "authorId", "body", "nonce", "ord")
    CROSS JOIN LATERAL spotter_send_message(b."channelId", b."authorId", b."body", b."nonce") AS s`;
  const byInput: (Row | undefined)[] = new Array(sends.length);
  for (const { ord, ...row } of rows) byInput[order[ord - 1] as number] = row as Row;
  return byInput;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
