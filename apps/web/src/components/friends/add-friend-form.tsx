'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import styles from './friends.module.css';

/** "Add friend" by @username; says precisely why a request was refused, or that it was sent. */
export function AddFriendForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [username, setUsername] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const request = useMutation(
    trpc.friends.request.mutationOptions({
      async onSuccess(result) {
        setSent(
          result.kind === 'FRIEND'
            ? `You and ${result.user.name} are now friends.`
            : `Friend request sent to ${result.user.name}.`,
        );
        setUsername('');
        await queryClient.invalidateQueries({ queryKey: trpc.friends.list.queryKey() });
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setSent(null);
    request.mutate({ username: username.trim().replace(/^@/, '') });
  }

  return (
    <form className={styles.addForm} onSubmit={submit} aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`} className={styles.sectionTitle}>
        Add friend
      </h2>
      <label htmlFor={inputId} className="visually-hidden">
        Username
      </label>
      <div className={styles.inline}>
        <input
          id={inputId}
          name="username"
          placeholder="@username"
          autoComplete="off"
          value={username}
          onChange={(e) => {
            setUsername(e.target.value);
            request.reset();
          }}
          maxLength={40}
          required
        />
        <button type="submit" className="button" disabled={request.isPending || !username.trim()}>
          Send request
        </button>
      </div>
      {request.error && (
        <p role="alert" className="error" data-testid="add-friend-error">
          {describeError(request.error)}
        </p>
      )}
      {sent && (
        <p role="status" className={styles.ok}>
          {sent}
        </p>
      )}
    </form>
  );
}
