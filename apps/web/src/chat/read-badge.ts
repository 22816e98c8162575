import type { RouterOutputs } from '@spotter/api';

export type ReadState = RouterOutputs['readState']['list'][number];
export type ConversationKind = 'CHANNEL' | 'DIRECT' | 'GROUP';

/** What the sidebar shows for a conversation: its name in bold, and a number pill (0: none). */
export type Badge = { isBold: boolean; count: number };

const NONE: Badge = { isBold: false, count: 0 };

/**
 * The notification level decides the badge, as Slack and Discord do: "all" makes any unread bold
 * and numbers every unread message of a DM or group but only mentions in a channel (a busy channel
 * would otherwise always show a big number); "mentions" shows only mentions; "nothing" (muted) shows
 * nothing at all.
 */
export function badgeFor(state: ReadState | undefined, kind: ConversationKind): Badge {
  if (!state || state.level === 'NOTHING') return NONE;
  if (state.level === 'MENTIONS') return { isBold: state.mentionCount > 0, count: state.mentionCount };
  return {
    isBold: state.unreadCount > 0,
    count: kind === 'CHANNEL' ? state.mentionCount : state.unreadCount,
  };
}

/**
 * A read state as of a `readState.changed` event, before the reread brings the counts: a read up
 * to the newest known seq clears them at once (the badge on every tab goes without a round trip).
 */
export function applyChange(
  state: ReadState,
  change: { lastReadSeq: number; level: ReadState['level'] },
): ReadState {
  const next = { ...state, lastReadSeq: change.lastReadSeq, level: change.level };
  if (change.lastReadSeq < state.streamSeq) return next;
  return { ...next, unreadCount: 0, mentionCount: 0, firstUnreadSeq: null };
}
