'use client';

import type { RouterOutputs } from '@spotter/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import { ConfirmDialog } from '../channel/confirm-dialog';
import { useFriendAction } from '../friends/use-friend-action';

type Profile = RouterOutputs['profile']['get'];

/** What one can do about someone, from where the two stand: Discord's buttons. */
export function RelationshipButtons({ profile }: { profile: Profile }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const action = useFriendAction();
  const request = useMutation(
    trpc.friends.request.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.profile.get.queryKey() }),
    }),
  );
  const [isConfirmingBlock, setConfirmingBlock] = useState(false);
  const isBusy = action.isPending || request.isPending;
  const error = action.error ?? request.error;
  const act = (what: Parameters<typeof action.mutate>[0]['action']) => {
    request.reset();
    action.mutate({ action: what, userId: profile.id });
  };
  const button = (
    label: string,
    onClick: () => void,
    variant: '' | 'button-quiet' | 'button-danger' = '',
  ) => (
    <button type="button" className={`button ${variant}`} disabled={isBusy} onClick={onClick}>
      {label}
    </button>
  );

  return (
    <>
      {profile.relationship === null &&
        button('Add friend', () => {
          action.reset();
          request.mutate({ username: profile.username });
        })}
      {profile.relationship === 'OUTGOING' && button('Cancel request', () => act('cancel'), 'button-quiet')}
      {profile.relationship === 'INCOMING' && (
        <>
          {button('Accept', () => act('accept'))}
          {button('Decline', () => act('decline'), 'button-quiet')}
        </>
      )}
      {profile.relationship === 'FRIEND' && button('Remove friend', () => act('remove'), 'button-quiet')}
      {profile.relationship === 'BLOCKED'
        ? button('Unblock', () => act('unblock'), 'button-quiet')
        : button('Block', () => setConfirmingBlock(true), 'button-danger')}
      {error && (
        <p role="alert" className="error">
          {describeError(error)}
        </p>
      )}
      <ConfirmDialog
        isOpen={isConfirmingBlock}
        title={`Block ${profile.name}?`}
        description="This ends your friendship or any pending request. They will not be told, and cannot send you requests until you unblock them."
        confirmLabel="Block"
        onClose={(isConfirmed) => {
          setConfirmingBlock(false);
          if (isConfirmed) act('block');
        }}
      />
    </>
  );
}
