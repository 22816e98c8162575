'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '@/trpc/react';

export type FriendAction = 'cancel' | 'accept' | 'decline' | 'remove' | 'block' | 'unblock';

/**
 * One mutation for every friend action on a person by id (rows of a list share its pending state and
 * its error). On success the list and any open profile are reread at once; the personal stream says
 * so too, a moment later, on every other tab.
 */
export function useFriendAction() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, userId }: { action: FriendAction; userId: string }) =>
      client.friends[action].mutate({ userId }),
    async onSuccess() {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.friends.list.queryKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.profile.get.queryKey() }),
      ]);
    },
  });
}
