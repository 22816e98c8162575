import { toWorkoutCard, type WorkoutCardRow, workoutCardSelect } from '../feed/card';
import type { MessageView, UserSummary } from '../streams/events';

/** The columns of a UserSummary, for every query that shows someone. */
export const userSummarySelect = { id: true, username: true, name: true } as const;

/**
 * The Prisma selection that yields everything a MessageView needs. Prisma loads the relations of a
 * whole page together, so a page costs the same few queries however many messages it holds.
 */
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
  author: { select: { name: true, username: true } },
  // Current names: a mention of someone who renamed since shows their new name.
  mentions: { select: { user: { select: userSummarySelect } }, orderBy: { userId: 'asc' } },
  // A shared workout's card, as the workout is now (kudos and records included).
  workout: { select: workoutCardSelect },
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
  author: { name: string; username: string };
  mentions: { user: UserSummary }[];
  workout: WorkoutCardRow | null;
};

/** A message row with its author's name and handle alongside, as a raw query returns it. */
export type FlatMessageRow = Omit<MessageRow, 'author' | 'mentions' | 'workout'> & {
  authorName: string;
  authorUsername: string;
};

export function toMessageView({ author, mentions, workout, ...row }: MessageRow): MessageView {
  const view = flatRowToMessageView(
    { ...row, authorName: author.name, authorUsername: author.username },
    mentions.map((mention) => mention.user),
  );
  // A workout its owner made PRIVATE after sharing it shows no card; the message keeps its text.
  return workout && !row.deletedAt && workout.visibility !== 'PRIVATE'
    ? { ...view, workout: toWorkoutCard(workout) }
    : view;
}

/** A deleted message keeps its place (seq) in the channel but loses its body and mentions. */
export function flatRowToMessageView(row: FlatMessageRow, mentions: UserSummary[] = []): MessageView {
  return row.deletedAt
    ? { ...row, body: '', mentions: [], workout: null }
    : { ...row, mentions, workout: null };
}
