'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect } from 'react';
import { useUnreadCount } from '@/chat/use-notifications';
import { KudosButton, KudosCount } from '@/components/feed/kudos-button';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import styles from './workouts.module.css';

/**
 * A finished workout's kudos: how many, who gave them (newest first, linked to their profiles) and,
 * on someone else's workout, the button to give or take them back. The feed stream rereads it when
 * a count changes (useFeedEvents), so the owner sees kudos arrive without a reload.
 */
export function WorkoutKudos({ workoutId, isOwn }: { workoutId: string; isOwn: boolean }) {
  const trpc = useTRPC();
  const { data, error } = useQuery(trpc.kudos.list.queryOptions({ workoutId }));
  useReadKudosEntries(workoutId, isOwn, data?.count);
  return (
    <section className={styles.card} aria-labelledby="kudos-heading" data-testid="workout-kudos">
      <h2 id="kudos-heading" className={styles.heading}>
        Kudos
      </h2>
      {error && (
        <p className="error" role="alert">
          {describeError(error)}
        </p>
      )}
      {!data && !error && <p className={styles.muted}>Loading…</p>}
      {data &&
        (isOwn ? (
          <KudosCount count={data.count} />
        ) : (
          <KudosButton workoutId={workoutId} count={data.count} hasGiven={data.hasGiven} />
        ))}
      {data && data.count === 0 && (
        <p className={styles.muted}>{isOwn ? 'No kudos yet.' : 'Be the first to give kudos.'}</p>
      )}
      {data && data.givers.length > 0 && (
        <p className={styles.givers} data-testid="kudos-givers">
          From{' '}
          {data.givers.map((giver, index) => (
            <span key={giver.id}>
              {index > 0 && ', '}
              <Link href={`/u/${giver.username}`}>{giver.name}</Link>
            </span>
          ))}
          {data.count > data.givers.length && ` and ${data.count - data.givers.length} more`}
        </p>
      )}
    </section>
  );
}

/**
 * The owner looking at the page has seen who gave kudos: their entries about this workout are read
 * (on every tab, through the personal stream), now and as more arrive while it is open, as reading
 * a conversation reads its mentions. Only while something is unread: most views cost no call.
 */
function useReadKudosEntries(workoutId: string, isOwn: boolean, kudosCount: number | undefined) {
  const trpc = useTRPC();
  const unread = useUnreadCount();
  const { mutate } = useMutation(trpc.notifications.markWorkoutRead.mutationOptions());
  useEffect(() => {
    if (isOwn && unread > 0 && kudosCount !== undefined) mutate({ workoutId });
  }, [isOwn, unread, kudosCount, workoutId, mutate]);
}
