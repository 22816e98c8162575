'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId } from 'react';
import { conversationName } from '@/chat/conversation-name';
import { describeError } from '@/trpc/error-message';
import { useTRPC, useTRPCClient } from '@/trpc/react';
import styles from './feed.module.css';

/** Shares one's own finished workout into a channel or conversation one is in, as a card. */
export function ShareForm({ workoutId, myId }: { workoutId: string; myId: string }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const selectId = useId();
  const channels = useQuery({ ...trpc.channel.listMine.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const conversations = useQuery({ ...trpc.dm.list.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const share = useMutation({
    mutationFn: (channelId: string) => client.workout.share.mutate({ workoutId, channelId }),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const channelId = String(new FormData(event.currentTarget).get('channelId') ?? '');
    if (channelId) share.mutate(channelId);
  }

  return (
    <form className={styles.share} onSubmit={onSubmit}>
      <label htmlFor={selectId}>Share to</label>
      <select id={selectId} name="channelId" defaultValue="">
        <option value="" disabled>
          Choose a channel or conversation
        </option>
        {(channels.data ?? []).map((channel) => (
          <option key={channel.id} value={channel.id}>
            #{channel.name}
          </option>
        ))}
        {(conversations.data ?? []).map((conversation) => (
          <option key={conversation.id} value={conversation.id}>
            {conversationName(conversation, myId)}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-quiet" disabled={share.isPending}>
        Share
      </button>
      {share.isSuccess && <span role="status">Shared.</span>}
      {share.error && (
        <p role="alert" className="error">
          {describeError(share.error)}
        </p>
      )}
    </form>
  );
}
