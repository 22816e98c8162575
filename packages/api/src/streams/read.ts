import type { Database } from '@spotter/db';
import { messageViewSelect, toMessageView } from '../message/view';
import { StreamEvent } from './events';

export type StreamHead = { lastSeq: number; prunedThrough: number };

/** Events with after < seq <= upto (or unbounded above), oldest first, at most `limit`. */
export async function readEvents(
  prisma: Database,
  streamId: string,
  range: { after: number; upto?: number | undefined; limit: number },
): Promise<StreamEvent[]> {
  const rows = await prisma.streamEvent.findMany({
    where: { streamId, seq: { gt: range.after, ...(range.upto === undefined ? {} : { lte: range.upto }) } },
    orderBy: { seq: 'asc' },
    take: range.limit,
    select: { seq: true, type: true, data: true, message: { select: messageViewSelect } },
  });
  return rows.map(({ seq, type, data, message }) =>
    StreamEvent.parse(
      message ? { type, seq, message: toMessageView(message) } : { ...(data as object), type, seq },
    ),
  );
}

/** Where a stream stands; a stream with no event yet stands at 0. */
export async function readHead(prisma: Database, streamId: string): Promise<StreamHead> {
  const row = await prisma.stream.findUnique({
    where: { id: streamId },
    select: { lastSeq: true, prunedThrough: true },
  });
  return row ?? { lastSeq: 0, prunedThrough: 0 };
}

/** The lastSeq of each of `streamIds` that has events: one query however many streams are asked. */
export async function readLastSeqs(prisma: Database, streamIds: string[]): Promise<Map<string, number>> {
  const rows = await prisma.stream.findMany({
    where: { id: { in: streamIds } },
    select: { id: true, lastSeq: true },
  });
  return new Map(rows.map((row) => [row.id, row.lastSeq]));
}
