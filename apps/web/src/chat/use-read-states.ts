'use client';

import type { StreamItem } from '@spotter/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useCallback } from 'react';
import { useTRPC } from '@/trpc/react';
import { applyChange, type ReadState } from './read-badge';
import { useReread } from './use-reread';

// Kept fresh by the personal stream and the activity hints, never by polling or refetch timers.
const live = { staleTime: Number.POSITIVE_INFINITY, refetchOnWindowFocus: false } as const;

// The list of conversations changed, or we missed events: the counts may be stale.
const REREADS = new Set<StreamItem['type']>(['sync', 'reset', 'channel.added', 'channel.removed']);

/** The read state of every conversation of the signed-in user, by channel id. */
export function useReadStates(): Map<string, ReadState> {
  const trpc = useTRPC();
  const { data } = useQuery({
    ...trpc.readState.list.queryOptions(),
    ...live,
    select: (states) => new Map(states.map((state) => [state.channelId, state])),
  });
  return data ?? new Map();
}

/** One conversation's read state; undefined until the list has loaded. */
export function useReadState(channelId: string): ReadState | undefined {
  return useReadStates().get(channelId);
}

/**
 * Applies the personal stream's `readState.changed` (a read, "mark unread" or a level changed on
 * any tab or device) to the cached list at once. The event's own counts usually make that exact;
 * otherwise (a conversation not in the list yet, a newer message known, an old event) the list is
 * reread for the counts.
 */
export function useReadStateEvents() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reread = useReread(trpc.readState.list.queryKey());
  return useCallback(
    (item: StreamItem) => {
      if (item.type === 'readState.changed') {
        let isExact = false;
        queryClient.setQueryData(trpc.readState.list.queryKey(), (states) =>
          states?.map((state) => {
            if (state.channelId !== item.state.channelId) return state;
            const changed = applyChange(state, item);
            isExact = changed.isExact;
            return changed.state;
          }),
        );
        if (!isExact) reread();
      } else if (REREADS.has(item.type)) reread();
    },
    [queryClient, trpc, reread],
  );
}

/**
 * Rereads the counts when a message arrives in (or leaves) any of the user's conversations. The
 * server watches the conversations the user was in when this subscribed: mount it keyed by the list
 * (see ReadStateActivity) so a new conversation is watched too.
 */
export function useActivityHints() {
  const trpc = useTRPC();
  const reread = useReread(trpc.readState.list.queryKey());
  useSubscription(trpc.readState.onActivity.subscriptionOptions(undefined, { onData: () => reread() }));
}

/**
 * Marks read and "mark unread from here" in one conversation. The answer updates this tab's list;
 * the personal stream brings the same change to every other tab and device.
 */
export function useReadStateActions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSuccess = (state: ReadState) =>
    queryClient.setQueryData(trpc.readState.list.queryKey(), (states) =>
      states?.map((s) => (s.channelId === state.channelId ? state : s)),
    );
  const markRead = useMutation(trpc.readState.markRead.mutationOptions({ onSuccess }));
  const markUnread = useMutation(trpc.readState.markUnread.mutationOptions({ onSuccess }));
  return { markRead: markRead.mutateAsync, markUnread: markUnread.mutateAsync };
}
