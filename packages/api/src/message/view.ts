import type { MessageView } from '../streams/events';

/** The Prisma selection that yields everything a MessageView needs, in one query. */
export const messageViewSelect = {
  id: true,
  channelId: true,
  seq: true,
  authorId: true,
  body: true,
  nonce: true,
  version: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  author: { select: { name: true } },
} as const;

type MessageRow = {
  id: string;
  channelId: string;
  seq: number;
  authorId: string;
  body: string;
  nonce: string | null;
  version: number;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  author: { name: string };
};

/** A message row with its author's name alongside, as a raw query returns it. */
export type FlatMessageRow = Omit<MessageRow, 'author'> & { authorName: string };

export function toMessageView({ author, ...row }: MessageRow): MessageView {
  return flatRowToMessageView({ ...row, authorName: author.name });
}

/** A deleted message keeps its place (seq) in the channel but loses its body. */
export function flatRowToMessageView(row: FlatMessageRow): MessageView {
  return { ...row, body: row.deletedAt ? '' : row.body };
}
