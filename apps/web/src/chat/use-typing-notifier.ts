'use client';

import { useCallback, useEffect, useRef } from 'react';
import { useTRPCClient } from '@/trpc/react';

/** Announce "still typing" at most this often; receivers forget a typer after TYPING_TIMEOUT_MS. */
export const TYPING_NOTIFY_INTERVAL_MS = 3_000;

/** Tells the channel when we type, throttled, and when we stop (cleared draft, sent, left). */
export function useTypingNotifier(channelId: string) {
  const client = useTRPCClient();
  const lastSentAt = useRef(0);
  const isTyping = useRef(false);

  const notify = useCallback(
    (typing: boolean) => {
      isTyping.current = typing;
      lastSentAt.current = typing ? Date.now() : 0;
      // Typing is best effort: a lost notification only shows (or hides) a hint a little late.
      client.typing.notify.mutate({ channelId, isTyping: typing }).catch(() => undefined);
    },
    [client, channelId],
  );

  const draftChanged = useCallback(
    (draft: string) => {
      if (draft.trim() === '') {
        if (isTyping.current) notify(false);
      } else if (Date.now() - lastSentAt.current >= TYPING_NOTIFY_INTERVAL_MS) {
        notify(true);
      }
    },
    [notify],
  );

  const stop = useCallback(() => {
    if (isTyping.current) notify(false);
  }, [notify]);

  useEffect(() => stop, [stop]);

  return { draftChanged, stop };
}
