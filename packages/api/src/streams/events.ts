import { z } from 'zod';

/** A message as every reader sees it; a deleted message keeps its place (seq) but not its body. */
export const MessageView = z.object({
  id: z.string(),
  channelId: z.string(),
  /** Its position in the channel: the seq of the event that created it. */
  seq: z.number().int().positive(),
  authorId: z.string(),
  authorName: z.string(),
  body: z.string(),
  nonce: z.string().nullable(),
  /** Bumped by every edit and delete: of two copies, the higher version is the newer. */
  version: z.number().int().positive(),
  createdAt: z.date(),
  editedAt: z.date().nullable(),
  deletedAt: z.date().nullable(),
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
  role: z.enum(['OWNER', 'MEMBER']),
});
export type MemberView = z.infer<typeof MemberView>;

/** Who someone is, as lists, cards and mentions show them. */
export const UserSummary = z.object({
  id: z.string(),
  /** The @handle. */
  username: z.string(),
  /** Display name. */
  name: z.string(),
});
export type UserSummary = z.infer<typeof UserSummary>;

/** Dates inside stored event data come back from JSON as strings; message events keep real columns. */
const storedDate = z.coerce.date();

/** One entry of a user's notification list (see notifications/). */
export const NotificationView = z.object({
  id: z.string(),
  kind: z.enum(['FRIEND_REQUEST', 'FRIEND_ACCEPTED', 'MENTION', 'DIRECT_MESSAGE']),
  actor: UserSummary,
  /** The conversation a mention or direct message is in. */
  channelId: z.string().nullable(),
  messageId: z.string().nullable(),
  createdAt: storedDate,
  readAt: storedDate.nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;

const seq = z.number().int().positive();
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
  // A new entry in the user's notification list (friend request, acceptance, mention, DM).
  z.object({ type: z.literal('notification.created'), seq, notification: NotificationView }),
  // Notifications read on one device: every other device clears them too. `ids` null: all of them.
  z.object({
    type: z.literal('notifications.read'),
    seq,
    ids: z.array(z.string()).nullable(),
    readAt: storedDate,
  }),
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
