'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useReadState, useReadStateActions } from './use-read-states';

/** A tab counts as reading only while it is shown and has focus (a background tab reads nothing). */
const isReading = () => document.visibilityState === 'visible' && document.hasFocus();

/**
 * Read tracking for an open conversation. `seen(seq)` is told the newest message the reader has had
 * on screen at the bottom of the list; it is marked read while the tab is visible and focused (or
 * as soon as it is again). `unreadFrom` is where the "New messages" divider goes: the first unread
 * message when the conversation was opened, kept while the reader reads on. After "mark unread from
 * here" the conversation stays unread until it is opened again, as in Slack.
 */
export function useReadTracking(channelId: string) {
  const state = useReadState(channelId);
  const { markRead, markUnread } = useReadStateActions();
  /** undefined until the read state has loaded: nothing is marked before the divider is placed. */
  const [unreadFrom, setUnreadFrom] = useState<number | null | undefined>(undefined);
  const [isHeld, setHeld] = useState(false);
  const newestSeen = useRef(0);
  const requested = useRef(0);

  if (state && unreadFrom === undefined) setUnreadFrom(state.firstUnreadSeq);
  const lastReadSeq = state?.lastReadSeq ?? 0;
  // Nothing of others' to read (one's own messages never count): no write, no event on every send.
  const hasUnread = (state?.unreadCount ?? 0) > 0;
  const isPlaced = unreadFrom !== undefined;

  const tryMarkRead = useCallback(() => {
    const seq = newestSeen.current;
    if (!isPlaced || isHeld || !hasUnread || seq <= lastReadSeq || seq <= requested.current || !isReading())
      return;
    requested.current = seq;
    // A failed read is tried again with the next message or focus; nothing to tell the reader.
    markRead({ channelId, seq }).catch(() => {
      requested.current = 0;
    });
  }, [channelId, isPlaced, isHeld, hasUnread, lastReadSeq, markRead]);

  useEffect(() => {
    tryMarkRead();
    window.addEventListener('focus', tryMarkRead);
    document.addEventListener('visibilitychange', tryMarkRead);
    return () => {
      window.removeEventListener('focus', tryMarkRead);
      document.removeEventListener('visibilitychange', tryMarkRead);
    };
  }, [tryMarkRead]);

  return {
    unreadFrom: unreadFrom ?? null,
    seen: useCallback(
      (seq: number) => {
        newestSeen.current = Math.max(newestSeen.current, seq);
        tryMarkRead();
      },
      [tryMarkRead],
    ),
    markUnreadFrom: useCallback(
      async (seq: number) => {
        setHeld(true);
        setUnreadFrom(seq);
        requested.current = 0;
        await markUnread({ channelId, fromSeq: seq });
      },
      [channelId, markUnread],
    ),
  };
}
