'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { describeError } from '@/trpc/error-message';
import { useTRPC, useTRPCClient } from '@/trpc/react';
import styles from '../feed/feed.module.css';

/**
 * Invitations to train together that wait for an answer. A new one arrives live: the personal
 * stream's `training.invited` rereads this list (useMyEvents).
 */
export function TrainingInvites() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const router = useRouter();
  const invites = useQuery({ ...trpc.training.invites.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const join = useMutation({
    mutationFn: (sessionId: string) => client.training.join.mutate({ sessionId }),
    onSuccess: ({ sessionId }) => router.push(`/training/${sessionId}`),
  });
  if (!invites.data || invites.data.length === 0) return null;
  return (
    <section aria-labelledby="invites-heading" className={styles.invites}>
      <h2 id="invites-heading" className={styles.subtitle}>
        Invitations to train together
      </h2>
      <ul className={styles.list}>
        {invites.data.map((invite) => (
          <li key={invite.sessionId} data-testid="training-invite">
            {invite.host.name} invited you to train together.{' '}
            <button
              type="button"
              className="button"
              onClick={() => join.mutate(invite.sessionId)}
              disabled={join.isPending}
            >
              Join {invite.host.name}
            </button>
          </li>
        ))}
      </ul>
      {join.error && (
        <p role="alert" className="error">
          {describeError(join.error)}
        </p>
      )}
    </section>
  );
}
