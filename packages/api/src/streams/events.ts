import { z } from 'zod';
import { togetherEvents, WorkoutCard } from './together-events';
import { workoutStreamEvents } from './workout-events';

/** Who someone is, as lists, cards and mentions show them. */
export const UserSummary = z.object({
  id: z.string(),
  /** The @handle. */
  username: z.string(),
  /** Display name. */
  name: z.string(),
});
export type UserSummary = z.infer<typeof UserSummary>;

/** The people who reacted to a message with one emoji, in the order they did (see reactions/). */
export const ReactionView = z.object({ emoji: z.string(), userIds: z.array(z.string()) });
export type ReactionView = z.infer<typeof ReactionView>;

/** A message as every reader sees it; a deleted message keeps its place (seq) but not its body. */
export const MessageView = z.object({
  id: z.string(),
  channelId: z.string(),
  /** Its position in the channel: the seq of the event that created it. */
  seq: z.number().int().positive(),
  authorId: z.string(),
  authorName: z.string(),
  /** The author's unique @handle, shown beside the name; defaulted for payloads of older replicas. */
  authorUsername: z.string().default(''),
  body: z.string(),
  nonce: z.string().nullable(),
  /** Bumped by every edit and delete: of two copies, the higher version is the newer. */
  version: z.number().int().positive(),
  createdAt: z.date(),
  editedAt: z.date().nullable(),
  deletedAt: z.date().nullable(),
  /**
   * The users the body mentions as "<@userId>", with their current username and name (a rename
   * shows in old messages too). Empty when it mentions no one; defaulted for payloads of older replicas.
   */
  mentions: z.array(UserSummary).default([]),
  /** A shared workout's card (workout.share); absent or null for every other message. */
  workout: WorkoutCard.nullish(),
  /** Its reactions, by emoji in the order each was first used; defaulted for payloads of older replicas. */
  reactions: z.array(ReactionView).default([]),
});
export type MessageView = z.infer<typeof MessageView>;

/** A conversation a user was added to: a named channel (with a slug), a direct or a group conversation. */
const ChannelRef = z.object({
  id: z.string(),
  kind: z.enum(['CHANNEL', 'DIRECT', 'GROUP']).default('CHANNEL'),
  slug: z.string().nullable(),
  name: z.string(),
  visibility: z.enum(['PUBLIC', 'PRIVATE']),
});

export const MemberView = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.enum(['OWNER', 'MODERATOR', 'MEMBER']),
});
export type MemberView = z.infer<typeof MemberView>;

/** Dates inside stored event data come back from JSON as strings; message events keep real columns. */
const storedDate = z.coerce.date();

const NotificationConversation = z.object({
  id: z.string(),
  kind: z.enum(['CHANNEL', 'DIRECT', 'GROUP']),
  slug: z.string().nullable(),
  name: z.string(),
});

/** The workout a kudos entry is about: enough to name it and link to it. */
const NotificationWorkout = z.object({ id: z.string(), title: z.string() });

/** One entry of a user's notification list (see notifications/). */
export const NotificationView = z.object({
  id: z.string(),
  kind: z.enum(['FRIEND_REQUEST', 'FRIEND_ACCEPTED', 'MENTION', 'DIRECT_MESSAGE', 'KUDOS']),
  actor: UserSummary,
  /** The conversation a mention or direct message is in. */
  channelId: z.string().nullable(),
  messageId: z.string().nullable(),
  /** That conversation, enough to name it and link to it (a slug only for named channels). */
  conversation: NotificationConversation.nullable().default(null),
  /** The start of the message (≤ 140 characters, mentions as "@username"); null without a message. */
  excerpt: z.string().nullable().default(null),
  /** The workout given kudos (KUDOS only). */
  workout: NotificationWorkout.nullable().default(null),
  createdAt: storedDate,
  readAt: storedDate.nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;

/** One side of a friendship, as Discord keeps it (see the Relationship model). */
export const RelationshipKind = z.enum(['FRIEND', 'OUTGOING', 'INCOMING', 'BLOCKED']);

const seq = z.number().int().positive();
const unreadCount = z.number().int().nonnegative();
const LeaveReason = z.enum(['left', 'removed']);

/**
 * Every durable event of every stream, with its per-stream seq. The same shape travels on the bus,
 * is replayed from the database and reaches clients (as `tracked(seq, event)`).
 */
export const StreamEvent = z.discriminatedUnion('type', [
  // Channel streams: the conversation.
  z.object({ type: z.literal('message.created'), seq, message: MessageView }),
  z.object({ type: z.literal('message.edited'), seq, message: MessageView }),
  z.object({ type: z.literal('message.deleted'), seq, message: MessageView }),
  // Someone reacted to a message or took a reaction back: the message as it is now (a new version).
  z.object({ type: z.literal('message.reacted'), seq, message: MessageView }),
  z.object({ type: z.literal('member.joined'), seq, channelId: z.string(), member: MemberView }),
  z.object({
    type: z.literal('member.left'),
    seq,
    channelId: z.string(),
    userId: z.string(),
    reason: LeaveReason,
  }),
  // Conversations (direct and group, see conversations/): a group renamed. Appended to the group's
  // stream (its open page) and to each member's own stream (their conversation lists).
  z.object({ type: z.literal('conversation.renamed'), seq, channelId: z.string(), name: z.string() }),
  // User streams: what happened to this user, on every device.
  z.object({ type: z.literal('channel.added'), seq, channel: ChannelRef }),
  z.object({ type: z.literal('channel.removed'), seq, channelId: z.string(), reason: LeaveReason }),
  // Notifications (see notifications/). Each event carries the user's unread count as of its seq
  // (counted under the stream's lock), so a client sets its badge from the newest event it applied.
  // A new entry in the user's notification list (friend request, acceptance, mention, DM, kudos).
  z.object({
    type: z.literal('notification.created'),
    seq,
    notification: NotificationView,
    unreadCount: unreadCount.optional(),
  }),
  // Entries withdrawn because what they told of was undone (kudos taken back, the workout deleted):
  // every device drops them.
  z.object({
    type: z.literal('notifications.removed'),
    seq,
    ids: z.array(z.string()),
    unreadCount: unreadCount.optional(),
  }),
  // Notifications read on one device: every other device clears them too. `ids` null: all of them
  // (every one created before this event).
  z.object({
    type: z.literal('notifications.read'),
    seq,
    ids: z.array(z.string()).nullable(),
    readAt: storedDate,
    unreadCount: unreadCount.optional(),
  }),
  // Read state (see readstate/): this user read, marked unread or changed the notification level of
  // a conversation on some device; every other device sets its badge from it. `counts` are the
  // conversation's counts as of the change, so a device needs no reread of the list to show them;
  // events stored before they were carried have none.
  z.object({
    type: z.literal('readState.changed'),
    seq,
    state: z.object({
      channelId: z.string(),
      lastReadSeq: z.number().int().nonnegative(),
      level: z.enum(['ALL', 'MENTIONS', 'NOTHING']),
    }),
    counts: z
      .object({
        streamSeq: z.number().int().nonnegative(),
        unreadCount: z.number().int().nonnegative(),
        mentionCount: z.number().int().nonnegative(),
        firstUnreadSeq: z.number().int().positive().nullable(),
        lastMessageAt: storedDate.nullable(),
      })
      .optional(),
  }),
  // Friends (see friends/): this user's side of their relationship with `user` is now `kind`; null
  // means none. A side that did not change gets no event, so a block is never announced to the blocked.
  z.object({
    type: z.literal('relationship.changed'),
    seq,
    user: UserSummary,
    kind: RelationshipKind.nullable(),
  }),
  // Training together, kudos and the feed (see together-events.ts).
  ...togetherEvents,
  // Session streams: each member's workout changes (see workout-events.ts).
  ...workoutStreamEvents,
]);
export type StreamEvent = z.infer<typeof StreamEvent>;

/** An event before it has a seq: what a service appends. */
export type EventDraft = StreamEvent extends infer E
  ? E extends StreamEvent
    ? Omit<E, 'seq'>
    : never
  : never;

/**
 * What a subscription yields besides stored events, never stored themselves:
 * `sync` — the stream's position when a client starts without a cursor (nothing to replay);
 * `reset` — the client was too far behind (or behind retention): reload the newest state, go on from `seq`.
 */
export type StreamMarker = { type: 'sync'; seq: number } | { type: 'reset'; seq: number };

export type StreamItem = StreamEvent | StreamMarker;
