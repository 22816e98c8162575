import type { Database } from '@spotter/db';
import { requireMember } from '../channel/access';
import type { MessageView } from '../streams/events';
import { readHead } from '../streams/read';
import { streamIds } from '../streams/stream-ids';
import { messageViewSelect, toMessageView } from './view';

export type MessagePage = {
  items: MessageView[];
  /** Seq cursor for the next older page; null once the oldest message is in. */
  nextCursor: number | null;
  /**
   * The channel stream's position when the page was read: subscribe with it as `lastEventId` and
   * every change after the page arrives exactly once (read before the page, so nothing falls between).
   */
  streamSeq: number;
};

/** A page of history ending just before `beforeSeq` (or at the newest), oldest first. */
async function readPageBefore(
  prisma: Database,
  input: { channelId: string; beforeSeq?: number | undefined; limit: number },
): Promise<MessagePage> {
  const { lastSeq: streamSeq } = await readHead(prisma, streamIds.channel(input.channelId));
  const rows = await prisma.message.findMany({
    where: { channelId: input.channelId, ...(input.beforeSeq ? { seq: { lt: input.beforeSeq } } : {}) },
    orderBy: { seq: 'desc' },
    take: input.limit + 1,
    select: messageViewSelect,
  });
  const hasMore = rows.length > input.limit;
  const items = rows.slice(0, input.limit).reverse().map(toMessageView);
  return { items, nextCursor: hasMore && items[0] ? items[0].seq : null, streamSeq };
}

/** A page of a channel's history for one of its members. */
export async function listMessages(
  prisma: Database,
  userId: string,
  input: { channelId: string; beforeSeq?: number | undefined; limit: number },
): Promise<MessagePage> {
  await requireMember(prisma, userId, input.channelId);
  return readPageBefore(prisma, input);
}
