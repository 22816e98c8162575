import type { Prisma } from '@spotter/db';
import { toWorkoutCard, type WorkoutCardRow, workoutCardSelect } from '../feed/card';
import type { MessageView, ReactionView, UserSummary } from '../streams/events';

/** The columns of a UserSummary, for every query that shows someone. */
export const userSummarySelect = { id: true, username: true, name: true } as const;

/** Oldest first; emoji and person break ties within a millisecond, so every replica lists them alike. */
const REACTION_ORDER: Prisma.ReactionOrderByWithRelationInput[] = [
  { createdAt: 'asc' },
  { emoji: 'asc' },
  { userId: 'asc' },
];

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
  reactions: { select: { emoji: true, userId: true }, orderBy: REACTION_ORDER },
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
  reactions: { emoji: string; userId: string }[];
};

/** A message row with its author's name and handle alongside, as a raw query returns it. */
export type FlatMessageRow = Omit<MessageRow, 'author' | 'mentions' | 'workout' | 'reactions'> & {
  authorName: string;
  authorUsername: string;
};

export function toMessageView({ author, mentions, workout, reactions, ...row }: MessageRow): MessageView {
  const view = flatRowToMessageView(
    { ...row, authorName: author.name, authorUsername: author.username },
    mentions.map((mention) => mention.user),
  );
  if (row.deletedAt) return view;
  const withReactions = { ...view, reactions: groupReactions(reactions) };
  // A workout its owner made PRIVATE after sharing it shows no card; the message keeps its text.
  return workout && workout.visibility !== 'PRIVATE'
    ? { ...withReactions, workout: toWorkoutCard(workout) }
    : withReactions;
}

/**
 * A deleted message keeps its place (seq) in the channel but loses its body, mentions and
 * reactions. A message just sent has no reactions yet.
 */
export function flatRowToMessageView(row: FlatMessageRow, mentions: UserSummary[] = []): MessageView {
  return row.deletedAt
    ? { ...row, body: '', mentions: [], workout: null, reactions: [] }
    : { ...row, mentions, workout: null, reactions: [] };
}

/** Reactions (oldest first) grouped by emoji, each emoji where it was first used, as Slack lists them. */
function groupReactions(reactions: { emoji: string; userId: string }[]): ReactionView[] {
  const byEmoji = new Map<string, string[]>();
  for (const { emoji, userId } of reactions) {
    const userIds = byEmoji.get(emoji);
    if (userIds) userIds.push(userId);
    else byEmoji.set(emoji, [userId]);
  }
  return [...byEmoji].map(([emoji, userIds]) => ({ emoji, userIds }));
}
