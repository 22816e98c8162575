import type { Database } from '@spotter/db';
import type { MessageView } from '../bus/topics';
import { messageViewSelect, toMessageView } from './message-view';

/** A page of history ending just before `beforeSeq` (or at the newest), oldest first. */
export async function readPageBefore(
  prisma: Database,
  input: { channelId: string; beforeSeq?: number | undefined; limit: number },
): Promise<{ items: MessageView[]; nextCursor: number | null }> {
  const rows = await prisma.message.findMany({
    where: { channelId: input.channelId, ...(input.beforeSeq ? { seq: { lt: input.beforeSeq } } : {}) },
    orderBy: { seq: 'desc' },
    take: input.limit + 1,
    select: messageViewSelect,
  });
  const hasMore = rows.length > input.limit;
  const items = rows.slice(0, input.limit).reverse().map(toMessageView);
  return { items, nextCursor: hasMore && items[0] ? items[0].seq : null };
}

/** Messages with afterSeq < seq <= uptoSeq (or unbounded above), oldest first, read in bounded pages. */
export async function* readRange(
  prisma: Database,
  input: { channelId: string; afterSeq: number; uptoSeq?: number; pageSize?: number },
): AsyncGenerator<MessageView> {
  const pageSize = input.pageSize ?? 200;
  let after = input.afterSeq;
  for (;;) {
    const rows = await prisma.message.findMany({
      where: {
        channelId: input.channelId,
        seq: { gt: after, ...(input.uptoSeq ? { lte: input.uptoSeq } : {}) },
      },
      orderBy: { seq: 'asc' },
      take: pageSize,
      select: messageViewSelect,
    });
    for (const row of rows) yield toMessageView(row);
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = last.seq;
  }
}
