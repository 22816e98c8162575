'use client';

import type { MemberView } from '@spotter/api';
import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useCallback } from 'react';
import { useTRPC } from '@/trpc/react';
import { dropMember, upsertMember } from './member-list';

/**
 * A channel's members, kept live while `isEnabled` (the member list is open): `member.joined` and
 * `member.left` from the channel's stream are applied to the cached list. The subscription starts
 * without a cursor; its first item (`sync`) rereads the list, which covers anything that changed
 * between the first read and the subscription.
 */
export function useChannelMembers(channelId: string, isEnabled: boolean) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryOptions = trpc.channel.members.queryOptions({ channelId }, { enabled: isEnabled });
  const { queryKey } = queryOptions;
  const query = useQuery(queryOptions);

  const update = useCallback(
    (change: (members: MemberView[]) => MemberView[]) =>
      queryClient.setQueryData(queryKey, (members) => (members ? change(members) : members)),
    [queryClient, queryKey],
  );
  const joined = useCallback((member: MemberView) => update((list) => upsertMember(list, member)), [update]);
  const left = useCallback((userId: string) => update((list) => dropMember(list, userId)), [update]);

  useSubscription(
    trpc.channel.onEvent.subscriptionOptions(isEnabled ? { channelId } : skipToken, {
      onData: ({ data: item }) => {
        if (item.type === 'member.joined') joined(item.member);
        else if (item.type === 'member.left') left(item.userId);
        else if (item.type === 'sync' || item.type === 'reset')
          void queryClient.invalidateQueries({ queryKey });
      },
    }),
  );

  return { members: query.data, error: query.error, joined, left };
}
