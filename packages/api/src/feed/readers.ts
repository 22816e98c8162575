import type { Database, Transaction } from '@spotter/db';
import { relationshipBetween } from '../friends/relationship';
import { noSuchWorkout } from '../workouts/access';

type Visibility = 'PRIVATE' | 'FRIENDS' | 'PUBLIC';

/** The ids of `userId`'s friends (both sides agreed: a FRIEND row on theirs). */
export async function friendIdsOf(db: Database | Transaction, userId: string): Promise<string[]> {
  const rows = await db.relationship.findMany({
    where: { userId, kind: 'FRIEND' },
    select: { otherId: true },
  });
  return rows.map((row) => row.otherId);
}

/**
 * Whose feeds hear of a workout: its owner's always; their friends' unless it is PRIVATE. A PUBLIC
 * workout is visible to anyone who opens it, but feeds show friends' activity only (as Strava's
 * following feed does), so it reaches the same feeds as a FRIENDS one. Sorted: the lock order.
 */
export async function feedReadersOf(
  db: Database | Transaction,
  ownerId: string,
  visibility: Visibility,
): Promise<string[]> {
  const friends = visibility === 'PRIVATE' ? [] : await friendIdsOf(db, ownerId);
  return [ownerId, ...friends].sort();
}

const EVERY_VISIBILITY: readonly Visibility[] = ['PRIVATE', 'FRIENDS', 'PUBLIC'];

/**
 * The one rule of who sees whose workouts: which visibilities of `ownerId`'s workouts `viewerId` may
 * see. All of one's own; a friend's FRIENDS and PUBLIC ones; anyone else's PUBLIC ones; none of
 * someone who blocked the viewer (a block hides the blocker's workouts as it hides their profile, so
 * the blocked person cannot give kudos on them either). A single workout (maySeeWorkout) and a page
 * of one person's workouts (feed.list with `ownerId`) both ask it, so they cannot disagree.
 */
export async function visibilitiesSeenBy(
  db: Database | Transaction,
  viewerId: string,
  ownerId: string,
): Promise<readonly Visibility[]> {
  if (ownerId === viewerId) return EVERY_VISIBILITY;
  const ownerSide = await relationshipBetween(db, ownerId, viewerId);
  if (ownerSide === 'BLOCKED') return [];
  return ownerSide === 'FRIEND' ? ['FRIENDS', 'PUBLIC'] : ['PUBLIC'];
}

/** Whether `viewerId` may see a workout (visibilitiesSeenBy). */
export async function maySeeWorkout(
  db: Database | Transaction,
  viewerId: string,
  workout: { userId: string; visibility: Visibility },
): Promise<boolean> {
  return (await visibilitiesSeenBy(db, viewerId, workout.userId)).includes(workout.visibility);
}

/** The workout if `viewerId` may see it (maySeeWorkout); NOT_FOUND otherwise, as if it did not exist. */
export async function requireVisibleWorkout(db: Database | Transaction, viewerId: string, workoutId: string) {
  const workout = await db.workout.findUnique({
    where: { id: workoutId },
    select: { id: true, userId: true, title: true, visibility: true, finishedAt: true },
  });
  if (!workout || !(await maySeeWorkout(db, viewerId, workout))) throw noSuchWorkout();
  return workout;
}
