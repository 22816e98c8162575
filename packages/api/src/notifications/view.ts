import { renderMentions } from '../mentions/tokens';
import { userSummarySelect } from '../message/view';
import type { NotificationView, UserSummary } from '../streams/events';

export const EXCERPT_MAX = 140;

/** The columns of a NotificationView, for every query that reads notifications. */
export const notificationViewSelect = {
  id: true,
  kind: true,
  actor: { select: userSummarySelect },
  channelId: true,
  messageId: true,
  workout: { select: { id: true, title: true } },
  createdAt: true,
  readAt: true,
  message: {
    select: {
      body: true,
      deletedAt: true,
      channel: { select: { id: true, kind: true, slug: true, name: true } },
      mentions: { select: { user: { select: userSummarySelect } } },
    },
  },
} as const;

type NotificationRow = Omit<NotificationView, 'conversation' | 'excerpt'> & {
  message: {
    body: string;
    deletedAt: Date | null;
    channel: NonNullable<NotificationView['conversation']>;
    mentions: { user: UserSummary }[];
  } | null;
};

/** A list entry with what it needs to be shown and linked: its conversation and an excerpt. */
export function toNotificationView({ message, ...row }: NotificationRow): NotificationView {
  if (!message) return { ...row, conversation: null, excerpt: null };
  const text = message.deletedAt
    ? ''
    : renderMentions(
        message.body,
        message.mentions.map((mention) => mention.user),
      );
  return { ...row, conversation: message.channel, excerpt: excerpt(text) };
}

/** At most EXCERPT_MAX characters, whitespace folded, cut at a word with "…" when it is longer. */
function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT_MAX) return flat;
  const cut = flat.slice(0, EXCERPT_MAX - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${lastSpace > EXCERPT_MAX / 2 ? cut.slice(0, lastSpace) : cut}…`;
}
