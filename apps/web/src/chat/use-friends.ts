'use client';

import type { RouterOutputs } from '@spotter/api';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/trpc/react';

export type FriendEntry = RouterOutputs['friends']['list'][number];

/**
 * The signed-in user's relationships. Kept fresh by the personal stream (useMyEvents, mounted by the
 * sidebar), which rereads it on every change: never refetched on a timer or on focus.
 */
export function useFriends(initialData?: FriendEntry[]) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.friends.list.queryOptions(),
    ...(initialData ? { initialData } : {}),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

/** How many requests wait for the user's answer: the sidebar's badge. */
export function incomingCount(entries: readonly FriendEntry[] | undefined): number {
  return entries?.filter((entry) => entry.kind === 'INCOMING').length ?? 0;
}
