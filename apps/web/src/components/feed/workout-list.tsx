'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import styles from './feed.module.css';
import { KudosButton, KudosCount } from './kudos-button';
import { ShareForm } from './share-form';
import { WorkoutCard } from './workout-card';

/** The server listed these because the reader may see them: every card opens its page. */
const IN_FEED = { workout: true, owner: true } as const;

/**
 * Finished workouts as cards, newest first, older ones on request: the feed (the reader's and
 * friends'), or with `ownerId` one person's as far as the reader may see them (a profile). The feed
 * stream (useFeedEvents, mounted by the sidebar) rereads every such list when a workout finishes,
 * changes visibility or a kudos count changes.
 */
export function WorkoutList({
  myId,
  ownerId,
  label,
  emptyText,
}: {
  myId: string;
  ownerId?: string;
  label: string;
  emptyText: string;
}) {
  const trpc = useTRPC();
  const list = useInfiniteQuery({
    ...trpc.feed.list.infiniteQueryOptions(ownerId ? { ownerId } : {}, {
      getNextPageParam: (page) => page.nextCursor,
    }),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  const entries = list.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <>
      {list.error && (
        <p role="alert" className="error">
          {describeError(list.error)}
        </p>
      )}
      {list.isSuccess && entries.length === 0 && <p className={styles.muted}>{emptyText}</p>}
      <ul className={styles.list} aria-label={label}>
        {entries.map((entry) => (
          <li key={entry.id} data-testid="feed-entry" data-owner={entry.owner.username}>
            <WorkoutCard card={entry} links={IN_FEED}>
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
      {list.hasNextPage && (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          Show older workouts
        </button>
      )}
    </>
  );
}
