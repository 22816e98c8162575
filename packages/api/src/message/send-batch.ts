import type { Database, RawAccess, Transaction } from '@spotter/db';
import pg, { type QueryConfig } from 'pg';
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
  raw: RawAccess,
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
        raw,
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

/**
 * The same statement straight through node-postgres, prepared once per connection where the server
 * allows it: the hot path's one query, where Prisma's own work per query (its interpreter, its
 * result mapping) cost more CPU than the round trip, and PostgreSQL parsed and planned an unnamed
 * statement again every time.
 */
export async function sendAloneOnPool<Row>({ pool, canPrepare }: RawAccess, send: BatchedSend): Promise<Row> {
  const { rows } = await pool.query<Row & object>({
    name: canPrepare ? 'spotter_send_one' : undefined,
    text: `SELECT ${SEND_COLUMNS} FROM spotter_send_message($1, $2, $3, $4) AS s`,
    values: [send.channelId, send.authorId, send.body, send.nonce],
    types: PRISMA_TYPES,
  });
  const [row] = rows;
  if (!row) throw new Error('spotter_send_message returned no row');
  return row;
}

/** The batch's sends, in channel order, through one statement; the rows come back in input order. */
async function sendMany<Row>(
  { pool, canPrepare }: RawAccess,
  sends: BatchedSend[],
): Promise<(Row | undefined)[]> {
  const order = sends.map((_, index) => index);
  order.sort((a, b) => compare(sends[a]?.channelId ?? '', sends[b]?.channelId ?? '') || a - b);
  const ordered = order.map((index) => sends[index] as BatchedSend);
  const { rows } = await pool.query<Row & { ord: number }>({
    name: canPrepare ? 'spotter_send_many' : undefined,
    // The lateral call runs once per unnested row, in row order, inside the statement's one transaction.
    text: `SELECT b."ord"::INTEGER AS "ord", ${SEND_COLUMNS}
      FROM unnest($1::TEXT[], $2::TEXT[], $3::TEXT[], $4::TEXT[])
        WITH ORDINALITY AS b("channelId", "authorId", "body", "nonce", "ord")
      CROSS JOIN LATERAL spotter_send_message(b."channelId", b."authorId", b."body", b."nonce") AS s`,
    values: [
      ordered.map((s) => s.channelId),
      ordered.map((s) => s.authorId),
      ordered.map((s) => s.body),
      ordered.map((s) => s.nonce),
    ],
    types: PRISMA_TYPES,
  });
  const byInput: (Row | undefined)[] = new Array(sends.length);
  for (const { ord, ...row } of rows) byInput[order[ord - 1] as number] = row as Row;
  return byInput;
}

/**
 * The function's columns by name, not `*`: a prepared statement whose result changes shape fails
 * ("cached plan must not change result type") on every call of that connection, so a later
 * migration that adds a column would break the replicas still running during a rolling deploy.
 */
const SEND_COLUMNS = [
  'outcome',
  'kind',
  'id',
  'channelId',
  'seq',
  'authorId',
  'body',
  'nonce',
  'version',
  'createdAt',
  'editedAt',
  'deletedAt',
  'authorName',
  'authorUsername',
]
  .map((column) => `s."${column}"`)
  .join(', ');

/** PostgreSQL's type id of `timestamp` (without time zone), the type of every Prisma DateTime column. */
const TIMESTAMP_OID = 1114;

/**
 * Values as Prisma reads them: a DateTime column holds UTC without a zone, which node-postgres alone
 * would read in the process's local time zone.
 */
const PRISMA_TYPES: NonNullable<QueryConfig['types']> = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP_OID && format !== 'binary'
      ? (text: string) => new Date(`${text.replace(' ', 'T')}Z`)
      : pg.types.getTypeParser(oid, format)) as NonNullable<QueryConfig['types']>['getTypeParser'],
};

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
