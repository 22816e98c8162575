'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '@/trpc/react';
import { FriendPicker } from './friend-picker';

/** "New message": pick one friend for a direct conversation, or several for a group. */
export function NewMessage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [isOpen, setOpen] = useState(false);
  const onSuccess = async ({ id }: { id: string }) => {
    setOpen(false);
    await queryClient.invalidateQueries({ queryKey: trpc.dm.list.queryKey() });
    router.push(`/dm/${id}`);
  };
  const open = useMutation(trpc.dm.open.mutationOptions({ onSuccess }));
  const createGroup = useMutation(trpc.dm.createGroup.mutationOptions({ onSuccess }));

  if (!isOpen) {
    return (
      <button type="button" className="button button-quiet" onClick={() => setOpen(true)}>
        New message
      </button>
    );
  }
  return (
    <FriendPicker
      isNameOffered
      submitLabel={(count) => (count > 1 ? 'Start group' : 'Message')}
      isPending={open.isPending || createGroup.isPending}
      error={open.error ?? createGroup.error}
      onCancel={() => setOpen(false)}
      onSubmit={({ userIds, name }) => {
        const [only] = userIds;
        if (userIds.length === 1 && only) open.mutate({ userId: only });
        else createGroup.mutate({ userIds, ...(name.trim() ? { name } : {}) });
      }}
    />
  );
}
