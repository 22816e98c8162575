import { AppError } from '../errors';
import { lockOwnWorkout, ownWorkoutOfEntry, visibleExercise } from './access';
import type { AddExerciseInput, UpdateExerciseInput } from './inputs';
import { appendToSession, changeAndPublish, type WorkoutDeps } from './session-events';
import { entrySelect, toEntryView } from './view';

/** Adds an exercise at the end of the caller's workout (active or finished: editing later is allowed). */
export async function addExercise(deps: WorkoutDeps, userId: string, input: AddExerciseInput) {
  return changeAndPublish(deps, async (tx) => {
    const workout = await lockOwnWorkout(tx, userId, input.workoutId);
    await visibleExercise(tx, userId, input.exerciseId);
    const last = await tx.workoutExercise.findFirst({
      where: { workoutId: workout.id },
      orderBy: { position: 'desc' },
      select: { position: true },
    });
    const row = await tx.workoutExercise.create({
      data: {
        workoutId: workout.id,
        exerciseId: input.exerciseId,
        position: (last?.position ?? 0) + 1,
        supersetGroup: input.supersetGroup ?? null,
        notes: input.notes ?? '',
        restSeconds: input.restSeconds ?? null,
      },
      select: entrySelect,
    });
    const exercise = toEntryView(row);
    const appended = await appendToSession(tx, workout.sessionId, [
      { type: 'workout.exercise.added', userId, workoutId: workout.id, exercise },
    ]);
    return { result: exercise, appended };
  });
}

/** Changes an exercise's superset group, notes or rest timer. Not a session event: sets are what members follow. */
export async function updateExercise(deps: WorkoutDeps, userId: string, input: UpdateExerciseInput) {
  const workoutId = await ownWorkoutOfEntry(deps.prisma, userId, input.workoutExerciseId);
  return deps.prisma.$transaction(async (tx) => {
    await lockOwnWorkout(tx, userId, workoutId);
    const { count } = await tx.workoutExercise.updateMany({
      where: { id: input.workoutExerciseId, workoutId },
      data: { supersetGroup: input.supersetGroup, notes: input.notes, restSeconds: input.restSeconds },
    });
    if (count === 0) throw new AppError('NOT_FOUND', 'No such exercise in this workout.');
    return toEntryView(
      await tx.workoutExercise.findUniqueOrThrow({
        where: { id: input.workoutExerciseId },
        select: entrySelect,
      }),
    );
  });
}
