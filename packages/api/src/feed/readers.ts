import type { Database, Transaction } from '@spotter/db';
import { AppError } from '../errors';
import { relationshipBetween } from '../friends/relationship';

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

export const workoutRefusals = {
  noSuchWorkout: () => new AppError('NOT_FOUND', 'No such workout.'),
};

/**
 * Whether `viewerId` may see a workout, by its visibility: PRIVATE only its owner, FRIENDS its owner
 * and their friends, PUBLIC anyone signed in whom the owner has not blocked (a block hides the
 * blocker's workouts as it hides their profile, so the blocked person cannot give kudos on them
 * either).
 */
export async function maySeeWorkout(
  db: Database | Transaction,
  viewerId: string,
  workout: { userId: string; visibility: Visibility },
): Promise<boolean> {
  if (workout.userId === viewerId) return true;
  if (workout.visibility === 'PRIVATE') return false;
  const ownerSide = await relationshipBetween(db, workout.userId, viewerId);
  if (ownerSide === 'BLOCKED') return false;
  return workout.visibility === 'PUBLIC' || ownerSide === 'FRIEND';
}

/** The workout if `viewerId` may see it (maySeeWorkout); NOT_FOUND otherwise, as if it did not exist. */
export async function requireVisibleWorkout(db: Database | Transaction, viewerId: string, workoutId: string) {
  const workout = await db.workout.findUnique({
    where: { id: workoutId },
    select: { id: true, userId: true, visibility: true, finishedAt: true },
  });
  if (!workout || !(await maySeeWorkout(db, viewerId, workout))) throw workoutRefusals.noSuchWorkout();
  return workout;
}
