'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import styles from './sidebar.module.css';

export function CreateChannelForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const create = useMutation(
    trpc.channel.create.mutationOptions({
      async onSuccess(channel) {
        await queryClient.invalidateQueries({ queryKey: trpc.channel.listMine.queryKey() });
        router.push(`/c/${channel.slug}`);
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    create.mutate(
      {
        name: String(form.get('name') ?? ''),
        visibility: form.get('visibility') === 'PRIVATE' ? 'PRIVATE' : 'PUBLIC',
      },
      { onSuccess: () => formElement.reset() },
    );
  }

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <label className={styles.label}>
        Channel name
        <input name="name" placeholder="e.g. Morning runs" maxLength={48} required />
      </label>
      <label className={styles.label}>
        Visibility
        <select name="visibility" defaultValue="PUBLIC">
          <option value="PUBLIC">Public</option>
          <option value="PRIVATE">Private (invite only)</option>
        </select>
      </label>
      {create.error && (
        <p role="alert" className="error">
          {describeError(create.error)}
        </p>
      )}
      <button type="submit" className="button" disabled={create.isPending}>
        Create channel
      </button>
    </form>
  );
}
