'use client';

import type { MemberView } from '@spotter/api';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId } from 'react';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import styles from './members.module.css';

/** Any member adds someone by their @username (public, unlike an email: see InviteMemberInput). */
export function InviteForm({
  channelId,
  onInvited,
}: {
  channelId: string;
  onInvited: (member: MemberView) => void;
}) {
  const trpc = useTRPC();
  const inputId = useId();
  const invite = useMutation(trpc.channel.invite.mutationOptions({ onSuccess: onInvited }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const username = String(new FormData(formElement).get('username') ?? '').replace(/^@/, '');
    invite.mutate({ channelId, username }, { onSuccess: () => formElement.reset() });
  }

  return (
    <form className={styles.invite} onSubmit={onSubmit} noValidate>
      <label htmlFor={inputId} className={styles.inviteLabel}>
        Invite by username
      </label>
      <div className={styles.inviteRow}>
        <input
          id={inputId}
          name="username"
          type="text"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          placeholder="username"
          maxLength={33}
          required
          onChange={() => invite.reset()}
        />
        <button type="submit" className="button" disabled={invite.isPending}>
          Invite
        </button>
      </div>
      {invite.error && (
        <p role="alert" className="error">
          {describeError(invite.error)}
        </p>
      )}
      {invite.data && (
        <p role="status" className={styles.done}>
          {invite.data.name} is now a member.
        </p>
      )}
    </form>
  );
}
