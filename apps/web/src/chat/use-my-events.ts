'use client';

import type { StreamItem } from '@spotter/api';
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useState } from 'react';
import { useTRPC } from '@/trpc/react';
import { useNotificationEvents } from './use-notifications';
import { useReadStateEvents } from './use-read-states';
import { useReread } from './use-reread';

/** Why the signed-in user is no longer in a channel. */
export type Removal = { reason: 'left' | 'removed' };

// The latest reason per channel lives in the query cache: the sidebar (which follows the stream) and
// the channel view (which shows it) are siblings in the layout, and this needs no provider.
const reasonKey = (channelId: string) => ['spotter', 'left-channel-reason', channelId] as const;

// `sync` and `reset`: the list rendered on the server may be behind, or we were too far behind to
// replay. Added and removed channels: the list changed.
const REREADS_LIST = new Set<StreamItem['type']>(['sync', 'reset', 'channel.added', 'channel.removed']);
// Friends, requests and blocks: reread on every change, and after `sync`/`reset` for what was missed.
const REREADS_FRIENDS = new Set<StreamItem['type']>(['sync', 'reset', 'relationship.changed']);
// Conversations (direct and group) are channels too, listed by `dm.list`; a group renamed changes it.
const REREADS_CONVERSATIONS = new Set<StreamItem['type']>([...REREADS_LIST, 'conversation.renamed']);

/** Records how the user left a channel (also called by "Leave channel", before the list refreshes). */
export function recordRemoval(queryClient: QueryClient, channelId: string, reason: Removal['reason']) {
  queryClient.setQueryData<Removal['reason']>(reasonKey(channelId), reason);
}

/**
 * Follows the signed-in user's personal stream (`me.onEvent`, every tab and device): a channel added
 * (created elsewhere, joined, invited on another replica) or removed rereads `channel.listMine` and
 * `dm.list` (a conversation is a channel of another kind; a group renamed rereads `dm.list` only); a
 * relationship changed (a request, an acceptance, an unfriend…) rereads `friends.list`;
 * notifications created or read update the bell's count and the list (useNotificationEvents); a
 * read, "mark unread" or level change updates the sidebar's badges (useReadStateEvents).
 * Mount it once per tab (the sidebar). No cursor on first subscribe: wsLink resends the last seq it
 * saw on every reconnect. A first subscribe replays recent events after `sync`: useReread keeps
 * that burst to two fetches.
 */
export function useMyEvents() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refreshChannels = useReread(trpc.channel.listMine.queryKey());
  const applyNotificationEvent = useNotificationEvents();
  const applyReadStateEvent = useReadStateEvents();
  const refreshFriends = useReread(trpc.friends.list.queryKey());
  const refreshConversations = useReread(trpc.dm.list.queryKey());
  const refreshTrainingInvites = useReread(trpc.training.invites.queryKey());

  useSubscription(
    trpc.me.onEvent.subscriptionOptions(
      {},
      {
        onData: ({ data: item }) => {
          if (item.type === 'channel.removed') recordRemoval(queryClient, item.channelId, item.reason);
          if (REREADS_LIST.has(item.type)) refreshChannels();
          applyNotificationEvent(item);
          applyReadStateEvent(item);
          if (REREADS_FRIENDS.has(item.type)) refreshFriends();
          // An open profile page or card shows the relationship's buttons: they change with it.
          if (item.type === 'relationship.changed') {
            void queryClient.invalidateQueries({ queryKey: trpc.profile.get.queryKey() });
          }
          if (REREADS_CONVERSATIONS.has(item.type)) refreshConversations();
          // An invitation to train together shows at once on the feed page.
          if (item.type === 'training.invited' || item.type === 'sync') refreshTrainingInvites();
        },
      },
    ),
  );
}

/**
 * Whether the signed-in user left (or was removed from) this channel while viewing it: it was in
 * their channel list and is not any more. Only a change seen here counts, so a list that is merely
 * behind the page never shows someone a false "You were removed".
 */
export function useChannelRemoval(channelId: string): Removal | null {
  const trpc = useTRPC();
  const { data: isListed } = useQuery({
    ...trpc.channel.listMine.queryOptions(),
    select: (channels) => channels.some((channel) => channel.id === channelId),
    // The sidebar's copy of the list is kept fresh by the personal stream; never fetch for this.
    staleTime: Number.POSITIVE_INFINITY,
  });
  const { data: reason } = useQuery<Removal['reason'] | null>({
    queryKey: reasonKey(channelId),
    queryFn: () => null,
    enabled: false,
    initialData: null,
  });
  const [hasBeenListed, setHasBeenListed] = useState(false);
  if (isListed && !hasBeenListed) setHasBeenListed(true);
  return hasBeenListed && isListed === false ? { reason: reason ?? 'removed' } : null;
}
