'use client';

import type { TypingEvent } from '@spotter/api';
import { skipToken } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTRPC } from '@/trpc/react';

/** A typer who has been silent this long has stopped (typists re-announce every few seconds). */
export const TYPING_TIMEOUT_MS = 6_000;

type Typer = { name: string; until: number };

/**
 * Who else is typing in the channel, from the ephemeral `typing.onUpdate` stream. `stopped` lets
 * the message stream clear an author as soon as their message arrives.
 */
export function useTypingUsers(channelId: string, isEnabled: boolean) {
  const trpc = useTRPC();
  const [typers, setTypers] = useState<ReadonlyMap<string, Typer>>(new Map());

  const stopped = useCallback((userId: string) => {
    setTypers((prev) => {
      if (!prev.has(userId)) return prev;
      const next = new Map(prev);
      next.delete(userId);
      return next;
    });
  }, []);

  const onData = useCallback(
    (event: TypingEvent) => {
      if (!event.isTyping) return stopped(event.userId);
      setTypers((prev) =>
        new Map(prev).set(event.userId, { name: event.userName, until: Date.now() + TYPING_TIMEOUT_MS }),
      );
    },
    [stopped],
  );

  useSubscription(
    trpc.typing.onUpdate.subscriptionOptions(isEnabled ? { channelId } : skipToken, { onData }),
  );

  // Wake up when the next typer expires.
  useEffect(() => {
    if (typers.size === 0) return;
    const nextExpiry = Math.min(...[...typers.values()].map((t) => t.until));
    const timer = setTimeout(
      () => {
        const now = Date.now();
        setTypers((prev) => new Map([...prev].filter(([, typer]) => typer.until > now)));
      },
      Math.max(0, nextExpiry - Date.now()) + 50,
    );
    return () => clearTimeout(timer);
  }, [typers]);

  const names = useMemo(() => [...typers.values()].map((t) => t.name), [typers]);
  return { names, stopped };
}
