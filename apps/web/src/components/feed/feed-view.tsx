'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import { StartTraining } from '../training/start-training';
import { TrainingInvites } from '../training/training-invites';
import styles from './feed.module.css';
import { KudosButton, KudosCount } from './kudos-button';
import { ShareForm } from './share-form';
import { WorkoutCard } from './workout-card';

/**
 * The activity feed: the reader's and friends' finished workouts and records, newest first. The feed
 * stream (useFeedEvents, mounted by the sidebar) rereads it when a workout finishes or a count changes.
 */
export function FeedView({ myId }: { myId: string }) {
  const trpc = useTRPC();
  const feed = useInfiniteQuery({
    ...trpc.feed.list.infiniteQueryOptions({}, { getNextPageParam: (page) => page.nextCursor }),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  const entries = feed.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <div className={styles.page}>
      <h1 className={styles.title}>Feed</h1>
      <StartTraining />
      <TrainingInvites />
      {feed.error && (
        <p role="alert" className="error">
          {describeError(feed.error)}
        </p>
      )}
      {feed.isSuccess && entries.length === 0 && (
        <p className={styles.muted}>
          No workouts yet. Finished workouts of yours and your friends show here.
        </p>
      )}
      <ul className={styles.list} aria-label="Workouts">
        {entries.map((entry) => (
          <li key={entry.id} data-testid="feed-entry" data-owner={entry.owner.username}>
            <WorkoutCard card={entry}>
              {entry.owner.id === myId ? (
                <>
                  <KudosCount count={entry.kudosCount} />
                  {entry.visibility !== 'PRIVATE' && <ShareForm workoutId={entry.id} myId={myId} />}
                </>
              ) : (
                <KudosButton workoutId={entry.id} count={entry.kudosCount} hasGiven={entry.hasGivenKudos} />
              )}
            </WorkoutCard>
          </li>
        ))}
      </ul>
      {feed.hasNextPage && (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => void feed.fetchNextPage()}
          disabled={feed.isFetchingNextPage}
        >
          Show older workouts
        </button>
      )}
    </div>
  );
}
