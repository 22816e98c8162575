'use client';

import type { MemberView, StreamItem } from '@spotter/api';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '@/trpc/react';
import { dropMember, upsertMember } from './member-list';
import { useReread } from './use-reread';

const CHANGES_MEMBERS = new Set<StreamItem['type']>(['member.joined', 'member.left', 'sync', 'reset']);

/**
 * A channel's members, live while mounted (the member list is open): every `member.joined` (also a
 * role change) and `member.left` on the channel's stream rereads the list. Applying the events to a
 * fetched copy would race the fetch; a reread that starts after the event cannot miss it. `sync`
 * (the subscription's start) and `reset` reread too. `joined`/`left` show a change made here at once.
 */
export function useChannelMembers(channelId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryKey = trpc.channel.members.queryKey({ channelId });
  const query = useQuery(trpc.channel.members.queryOptions({ channelId }));
  const reread = useReread(queryKey);

  useSubscription(
    trpc.channel.onEvent.subscriptionOptions(
      { channelId },
      {
        onData: ({ data: item }) => {
          if (CHANGES_MEMBERS.has(item.type)) reread();
        },
      },
    ),
  );

  const update = (change: (members: MemberView[]) => MemberView[]) =>
    queryClient.setQueryData(queryKey, (members) => (members ? change(members) : members));
  return {
    members: query.data,
    error: query.error,
    joined: (member: MemberView) => update((list) => upsertMember(list, member)),
    left: (userId: string) => update((list) => dropMember(list, userId)),
  };
}
