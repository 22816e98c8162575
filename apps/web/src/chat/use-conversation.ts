'use client';

import type { StreamItem } from '@spotter/api';
import { useQuery } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '@/trpc/react';
import type { ConversationView } from './conversation-name';
import { useReread } from './use-reread';

const CHANGES_CONVERSATION = new Set<StreamItem['type']>([
  'member.joined',
  'member.left',
  'conversation.renamed',
  'sync',
  'reset',
]);

/**
 * One conversation's name and members, live: people added or leaving and a rename (on any tab or
 * replica) reread `dm.get`. As with the member list, a reread that starts after the event cannot
 * miss it. `isGone` once the server no longer shows it to us (we left, here or elsewhere).
 */
export function useConversation(initial: ConversationView) {
  const trpc = useTRPC();
  const input = { conversationId: initial.id };
  const query = useQuery(trpc.dm.get.queryOptions(input, { initialData: initial, retry: false }));
  const reread = useReread(trpc.dm.get.queryKey(input));
  useSubscription(
    trpc.channel.onEvent.subscriptionOptions(
      { channelId: initial.id },
      {
        onData: ({ data: item }) => {
          if (CHANGES_CONVERSATION.has(item.type)) reread();
        },
      },
    ),
  );
  const code = (query.error?.data as { code?: string } | undefined)?.code;
  return { conversation: query.data, isGone: code === 'NOT_FOUND' };
}
