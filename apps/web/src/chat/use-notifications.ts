'use client';

import type { StreamItem } from '@spotter/api';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '@/trpc/react';
import {
  isNotificationEvent,
  nextNotificationPages,
  nextUnreadCount,
  type UnreadCount,
} from './notification-cache';

/** Entries per page of the list: the newest page shows first, older ones on request. */
export const NOTIFICATION_PAGE = 30;

// Kept fresh by the personal stream (useNotificationEvents), never by polling or refetch timers.
const live = { staleTime: Number.POSITIVE_INFINITY, refetchOnWindowFocus: false } as const;

export function useUnreadCount(): number {
  const trpc = useTRPC();
  const { data } = useQuery({ ...trpc.notifications.unreadCount.queryOptions(), ...live });
  return data?.count ?? 0;
}

/** The list's pages, newest first; `fetchNextPage` loads the next older one. */
export function useNotificationPages() {
  const trpc = useTRPC();
  return useInfiniteQuery({
    ...trpc.notifications.list.infiniteQueryOptions(
      { limit: NOTIFICATION_PAGE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
    ...live,
  });
}

/**
 * Applies the personal stream's notification events to the cached count and list, so every tab and
 * device shows a new entry or a read at once; `sync` and `reset` reread both.
 */
export function useNotificationEvents() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    (item: StreamItem) => {
      const countKey = trpc.notifications.unreadCount.queryKey();
      const pageKey = trpc.notifications.list.infiniteQueryKey({ limit: NOTIFICATION_PAGE });
      if (item.type === 'sync' || item.type === 'reset') {
        void queryClient.invalidateQueries({ queryKey: countKey });
        void queryClient.invalidateQueries({ queryKey: pageKey });
        return;
      }
      if (!isNotificationEvent(item)) return;
      const count = nextUnreadCount(queryClient.getQueryData<UnreadCount>(countKey), item);
      if (count) queryClient.setQueryData<UnreadCount>(countKey, count);
      else void queryClient.invalidateQueries({ queryKey: countKey });
      const pages = queryClient.getQueryData(pageKey);
      if (pages) queryClient.setQueryData(pageKey, nextNotificationPages(pages, item));
    },
    [trpc, queryClient],
  );
}
