'use client';

import type { StreamItem } from '@spotter/api';
import { useQuery } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '@/trpc/react';
import { useReread } from './use-reread';

// `sync`/`reset`: what was rendered may be behind. A workout started, finished, ended or made
// visible to someone else changes who is training now and the feed; a kudos count changes the
// feed's cards and the kudos of an open workout page.
const REREADS_TRAINING_NOW = new Set<StreamItem['type']>([
  'sync',
  'reset',
  'feed.workout',
  'feed.visibility',
]);
const REREADS_FEED = new Set<StreamItem['type']>([
  'sync',
  'reset',
  'feed.workout',
  'feed.visibility',
  'feed.kudos',
]);

/**
 * Follows the signed-in user's feed stream (`feed.onEvent`: friends' and their own workouts, kudos
 * counts), on every tab: it rereads "training now" (the labels beside friends), the feed and a
 * workout page's kudos. Mount it once per tab (the sidebar); wsLink resends the last seq it saw on
 * every reconnect.
 */
export function useFeedEvents() {
  const trpc = useTRPC();
  const refreshTrainingNow = useReread(trpc.feed.trainingNow.queryKey());
  const refreshFeed = useReread(trpc.feed.list.infiniteQueryKey());
  const refreshKudos = useReread(trpc.kudos.list.pathKey());
  useSubscription(
    trpc.feed.onEvent.subscriptionOptions(
      {},
      {
        onData: ({ data: item }) => {
          if (REREADS_TRAINING_NOW.has(item.type)) refreshTrainingNow();
          if (REREADS_FEED.has(item.type)) refreshFeed();
          if (item.type === 'feed.kudos') refreshKudos();
        },
      },
    ),
  );
}

/** Whether a friend is training now (an active workout they let friends see). Kept fresh by useFeedEvents. */
export function useIsTrainingNow(userId: string): boolean {
  const trpc = useTRPC();
  const { data } = useQuery({
    ...trpc.feed.trainingNow.queryOptions(),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    select: (entries) => entries.some((entry) => entry.userId === userId),
  });
  return data ?? false;
}
