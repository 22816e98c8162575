'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError } from '@/trpc/error-message';
import { useTRPC, useTRPCClient } from '@/trpc/react';
import styles from './feed.module.css';

/**
 * Gives or takes back kudos. The count shown comes from the feed (or the workout's kudos list), which
 * the feed stream rereads on every change from any tab; the answer rereads both at once here too.
 */
export function KudosButton({
  workoutId,
  count,
  hasGiven,
}: {
  workoutId: string;
  count: number;
  hasGiven: boolean;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: () =>
      hasGiven ? client.kudos.remove.mutate({ workoutId }) : client.kudos.give.mutate({ workoutId }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.feed.list.infiniteQueryKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.kudos.list.queryKey({ workoutId }) }),
      ]),
  });
  return (
    <div className={styles.kudos}>
      <button
        type="button"
        aria-pressed={hasGiven}
        disabled={toggle.isPending}
        onClick={() => toggle.mutate()}
        className={`button button-quiet ${styles.kudosButton}`}
      >
        {hasGiven ? 'Kudos given' : 'Give kudos'}
      </button>
      <KudosCount count={count} />
      {toggle.error && (
        <p role="alert" className="error">
          {describeError(toggle.error)}
        </p>
      )}
    </div>
  );
}

export function KudosCount({ count }: { count: number }) {
  return (
    <span className={styles.kudosCount} data-testid="kudos-count">
      {count} {count === 1 ? 'kudo' : 'kudos'}
    </span>
  );
}
