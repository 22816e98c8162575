import type { Database } from '@spotter/db';
import type { LastSetsInput } from './inputs';
import { setSelect } from './view';

/**
 * For each exercise, the caller's sets of it the last time they did it: in their most recent
 * finished workout (by start) where it has a set. The logger shows them beside the exercise, as
 * Strong's and Hevy's "previous" column does, so a lifter knows what to beat. An exercise never done
 * (or not theirs to see) is simply absent: only the caller's own workouts are read.
 */
export async function lastSets(prisma: Database, userId: string, input: LastSetsInput) {
  const found = await Promise.all(
    [...new Set(input.exerciseIds)].map((exerciseId) =>
      prisma.workoutExercise.findFirst({
        where: { exerciseId, sets: { some: {} }, workout: { userId, finishedAt: { not: null } } },
        // The later of two entries of one exercise in that workout (its second round).
        orderBy: [{ workout: { startedAt: 'desc' } }, { position: 'desc' }],
        select: {
          exerciseId: true,
          workout: { select: { id: true, title: true, startedAt: true } },
          sets: { orderBy: { position: 'asc' }, select: setSelect },
        },
      }),
    ),
  );
  return found.flatMap((entry) =>
    entry
      ? [
          {
            exerciseId: entry.exerciseId,
            workoutId: entry.workout.id,
            title: entry.workout.title,
            startedAt: entry.workout.startedAt,
            sets: entry.sets,
          },
        ]
      : [],
  );
}
