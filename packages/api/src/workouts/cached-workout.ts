import type { Database } from '@spotter/db';
import type { Cache } from '../cache/types';
import { toWorkoutView, type WorkoutView, workoutSelect } from './view';

type Deps = { prisma: Database; cache: Cache };

// One scope per owner, not per workout: finishing, editing or deleting one workout replays records
// that other workouts of the same owner show, and a rename changes the name every one of them shows.
const ownerScope = (userId: string) => `owner:${userId}`;

/** A workout's summary (exercises, sets, records) from the cache; who may see it is the caller's check. */
export function cachedWorkoutView({ prisma, cache }: Deps, ownerId: string, workoutId: string) {
  return cache.get<WorkoutView>(
    'workout',
    workoutId,
    async () => {
      const row = await prisma.workout.findUnique({ where: { id: workoutId }, select: workoutSelect });
      return row ? toWorkoutView(row) : null;
    },
    { scope: ownerScope(ownerId) },
  );
}

/** Call after every committed change to a user's workouts, sets or records, and to their name. */
export function invalidateWorkoutsOf(cache: Cache, userId: string): Promise<void> {
  return cache.invalidate('workout', [ownerScope(userId)]);
}
