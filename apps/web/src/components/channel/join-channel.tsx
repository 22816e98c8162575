'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import styles from './channel.module.css';
import type { ChannelDetails } from './channel-view';

/** Shown instead of the conversation to someone who is not a member of a public channel. */
export function JoinChannel({ channel, onJoined }: { channel: ChannelDetails; onJoined: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const join = useMutation(
    trpc.channel.join.mutationOptions({
      async onSuccess() {
        await queryClient.invalidateQueries({ queryKey: trpc.channel.listMine.queryKey() });
        onJoined();
      },
    }),
  );

  return (
    <section className={styles.join} aria-label="Join this channel">
      <p className={styles.joinTitle}>You are not in #{channel.slug} yet</p>
      <p className={styles.joinText}>
        {channel.memberCount === 1 ? '1 member trains here' : `${channel.memberCount} members train here`}.
        Join to read the conversation and post.
      </p>
      <button
        type="button"
        className="button"
        disabled={join.isPending}
        onClick={() => join.mutate({ channelId: channel.id })}
      >
        Join channel
      </button>
      {join.error && (
        <p role="alert" className="error">
          {describeError(join.error)}
        </p>
      )}
    </section>
  );
}
