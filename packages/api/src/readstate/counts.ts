import { type Database, Prisma, type Transaction } from '@spotter/db';

export type NotificationLevel = 'ALL' | 'MENTIONS' | 'NOTHING';

/** Counting stops here: a badge shows "999+" beyond, and a huge backlog costs no more than this. */
export const UNREAD_CAP = 1_000;

/** Where a member stands in one conversation. */
export type ReadState = {
  channelId: string;
  /** Everything up to this seq of the channel's stream is read. */
  lastReadSeq: number;
  level: NotificationLevel;
  /** The channel stream's newest seq: marking read up to it reads everything. */
  streamSeq: number;
  /** Others' messages after lastReadSeq that are not deleted (at most UNREAD_CAP). */
  unreadCount: number;
  /** Those of them that mention the member. */
  mentionCount: number;
  /** Where the unread part starts (the "New messages" divider); null when nothing is unread. */
  firstUnreadSeq: number | null;
  /** When the newest message was sent (anyone's, deleted ones too); null before the first. */
  lastMessageAt: Date | null;
};

type Row = Omit<ReadState, 'level'> & { level: NotificationLevel };

/**
 * The read state of every conversation of a user (or of one, with `channelId`) in ONE query, however
 * many they are in: each count walks only the unread tail of a conversation by its (channelId, seq)
 * index, capped, and mentions are found through the member's own Mention rows. Edits change nothing
 * here; a deleted message stops counting; the member's own messages never count. The newest
 * message's time comes along, so a list reread on every message also shows which was active last.
 */
export async function readStates(
  db: Database | Transaction,
  userId: string,
  channelId?: string,
): Promise<ReadState[]> {
  const onlyOne = channelId === undefined ? Prisma.empty : Prisma.sql`AND m."channelId" = ${channelId}`;
  return db.$queryRaw<Row[]>`
    SELECT m."channelId", m."lastReadSeq", m."notificationLevel"::text AS "level",
      COALESCE(s."lastSeq", 0) AS "streamSeq",
      u."unreadCount", u."firstUnreadSeq", mn."mentionCount", lm."lastMessageAt"
    FROM "Membership" m
    LEFT JOIN "Stream" s ON s."id" = 'channel:' || m."channelId"
    LEFT JOIN LATERAL (
      SELECT msg."createdAt" AS "lastMessageAt" FROM "Message" msg
      WHERE msg."channelId" = m."channelId" ORDER BY msg."seq" DESC LIMIT 1
    ) lm ON TRUE
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS "unreadCount", min(tail."seq") AS "firstUnreadSeq" FROM (
        SELECT msg."seq" FROM "Message" msg
        WHERE msg."channelId" = m."channelId" AND msg."seq" > m."lastReadSeq"
          AND msg."deletedAt" IS NULL AND msg."authorId" <> m."userId"
        ORDER BY msg."seq" LIMIT ${UNREAD_CAP}
      ) tail
    ) u
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS "mentionCount" FROM "Mention" men
      JOIN "Message" msg ON msg."id" = men."messageId"
      WHERE men."userId" = m."userId" AND msg."channelId" = m."channelId"
        AND msg."seq" > m."lastReadSeq" AND msg."deletedAt" IS NULL AND msg."authorId" <> m."userId"
    ) mn
    WHERE m."userId" = ${userId} ${onlyOne}
    ORDER BY m."channelId"`;
}
