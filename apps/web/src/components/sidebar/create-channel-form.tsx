'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import styles from './sidebar.module.css';

/**
 * "New channel" under the channel list, opening a short form (name, visibility) when asked for, as
 * "New message" does for conversations: the sidebar keeps its room for the channels themselves.
 */
export function CreateChannelForm() {
  const trpc = useTRPC();
  const [isOpen, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const router = useRouter();
  const create = useMutation(
    trpc.channel.create.mutationOptions({
      async onSuccess(channel) {
        setOpen(false);
        await queryClient.invalidateQueries({ queryKey: trpc.channel.listMine.queryKey() });
        router.push(`/c/${channel.slug}`);
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The form closes on success; opened again, it starts empty.
    const form = new FormData(event.currentTarget);
    create.mutate({
      name: String(form.get('name') ?? ''),
      visibility: form.get('visibility') === 'PRIVATE' ? 'PRIVATE' : 'PUBLIC',
    });
  }

  if (!isOpen) {
    return (
      <button type="button" className="button button-quiet" onClick={() => setOpen(true)}>
        New channel
      </button>
    );
  }
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="New channel">
      <label className={styles.label}>
        Channel name
        {/* biome-ignore lint/a11y/noAutofocus: the form opens because the person asked to type a name. */}
        <input name="name" placeholder="e.g. Morning runs" maxLength={48} required autoFocus />
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
      <div className={styles.formActions}>
        <button type="submit" className="button" disabled={create.isPending}>
          Create channel
        </button>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            create.reset();
            setOpen(false);
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
