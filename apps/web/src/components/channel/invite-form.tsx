'use client';

import type { MemberView } from '@spotter/api';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId } from 'react';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import styles from './members.module.css';

/** Any member adds someone by the email of their Spotter account (as in Slack). */
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
    const email = String(new FormData(formElement).get('email') ?? '');
    invite.mutate({ channelId, email }, { onSuccess: () => formElement.reset() });
  }

  return (
    <form className={styles.invite} onSubmit={onSubmit} noValidate>
      <label htmlFor={inputId} className={styles.inviteLabel}>
        Invite by email
      </label>
      <div className={styles.inviteRow}>
        <input
          id={inputId}
          name="email"
          type="email"
          autoComplete="off"
          placeholder="name@example.com"
          maxLength={254}
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
