'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
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
