'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';

/** "Message" on a friend's profile: opens (or starts) the direct conversation with them. */
export function MessageButton({ userId }: { userId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const open = useMutation(
    trpc.dm.open.mutationOptions({
      onSuccess: async ({ id }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.dm.list.queryKey() });
        router.push(`/dm/${id}`);
      },
    }),
  );
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={open.isPending}
        onClick={() => open.mutate({ userId })}
      >
        Message
      </button>
      {open.error && (
        <p role="alert" className="error">
          {describeError(open.error)}
        </p>
      )}
    </>
  );
}
