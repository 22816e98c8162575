import type { Prisma } from './generated/prisma/client';

/** A Prisma transaction client: stream seqs are only ever taken inside the change's transaction. */
export type Transaction = Prisma.TransactionClient;

/**
 * Takes the next `count` seqs of a stream (creating it on first use) and returns the first of them.
 * The upsert takes the stream row's lock until the transaction ends, so concurrent writers queue
 * there: seqs are gapless and every seq commits after the one before it.
 */
export async function takeStreamSeqs(tx: Transaction, streamId: string, count = 1): Promise<number> {
  const [row] = await tx.$queryRaw<{ lastSeq: number }[]>`
    INSERT INTO "Stream" ("id", "lastSeq") VALUES (${streamId}, ${count})
    ON CONFLICT ("id") DO UPDATE SET "lastSeq" = "Stream"."lastSeq" + ${count}
    RETURNING "lastSeq"`;
  if (!row) throw new Error(`could not take a seq of stream ${streamId}`);
  return row.lastSeq - count + 1;
}
