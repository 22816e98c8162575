import type { Transaction } from '@spotter/db';
import { detectRecords, type WorkoutForRecords } from './math';

/**
 * Rewrites the caller's records of these exercises from their whole finished history. Replaying is
 * what keeps records right when an older workout is edited or deleted (a later workout may become,
 * or stop being, a record) and costs one query per exercise. A per-user lock keeps two finishes of
 * the same user from writing the same records twice.
 */
export async function recomputeRecords(tx: Transaction, userId: string, exerciseIds: readonly string[]) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`records:${userId}`}))`;
  for (const exerciseId of [...new Set(exerciseIds)]) {
    const history = await finishedHistory(tx, userId, exerciseId);
    const found = detectRecords(history);
    await tx.personalRecord.deleteMany({ where: { userId, exerciseId } });
    if (found.length > 0)
      await tx.personalRecord.createMany({
        data: found.map((record) => ({ ...record, userId, exerciseId })),
      });
  }
}

/** The exercise's sets in the user's finished workouts, oldest workout first. */
async function finishedHistory(
  tx: Transaction,
  userId: string,
  exerciseId: string,
): Promise<WorkoutForRecords[]> {
  const entries = await tx.workoutExercise.findMany({
    where: { exerciseId, workout: { userId, finishedAt: { not: null } } },
    orderBy: [{ workout: { startedAt: 'asc' } }, { workoutId: 'asc' }, { position: 'asc' }],
    select: {
      workoutId: true,
      workout: { select: { startedAt: true } },
      sets: { orderBy: { position: 'asc' }, select: { id: true, type: true, weightKg: true, reps: true } },
    },
  });
  const byWorkout = new Map<string, WorkoutForRecords>();
  for (const entry of entries) {
    const workout = byWorkout.get(entry.workoutId) ?? {
      workoutId: entry.workoutId,
      achievedAt: entry.workout.startedAt,
      sets: [],
    };
    workout.sets.push(...entry.sets);
    byWorkout.set(entry.workoutId, workout);
  }
  return [...byWorkout.values()];
}
