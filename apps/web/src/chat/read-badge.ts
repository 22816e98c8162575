import type { RouterOutputs, StreamItem } from '@spotter/api';

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

/** What a `readState.changed` event says of one conversation (see the event's schema). */
export type ReadStateChanged = Extract<StreamItem, { type: 'readState.changed' }>;

/**
 * A read state as of a `readState.changed` event. The event's counts (as of the change) replace the
 * cached ones unless the cache already knows a newer message: then, and for older events that carry
 * no counts, only the read position and level change, a read up to the newest known seq clears the
 * counts at once (the badge on every tab goes without a round trip), and `isExact` is false: the
 * caller rereads the list for the counts.
 */
export function applyChange(state: ReadState, event: Pick<ReadStateChanged, 'state' | 'counts'>) {
  const { counts, state: change } = event;
  const next = { ...state, lastReadSeq: change.lastReadSeq, level: change.level };
  if (counts && counts.streamSeq >= state.streamSeq) return { state: { ...next, ...counts }, isExact: true };
  if (change.lastReadSeq < state.streamSeq) return { state: next, isExact: false };
  return { state: { ...next, unreadCount: 0, mentionCount: 0, firstUnreadSeq: null }, isExact: false };
}
