import type { Transaction } from '@spotter/db';
import { AppError } from '../errors';
import { recomputeRecords } from '../records/recompute';
import type { Appended } from '../streams/publish';
import { type LockedWorkout, lockOwnWorkout, ownWorkoutOfEntry, ownWorkoutOfSet, unitsOf } from './access';
import type { LogSetInput, UpdateSetInput } from './inputs';
import { appendToSession, changeAndPublish, type WorkoutDeps } from './session-events';
import { toStoredMeasures } from './set-values';
import { setSelect } from './view';

/**
 * Logs a set at the end of an exercise of the caller's workout, in the caller's units (stored in kg
 * and metres). Sets of a finished workout may be edited later: its records are recomputed then.
 */
export async function logSet(deps: WorkoutDeps, userId: string, input: LogSetInput) {
  const { workoutExerciseId, ...measures } = input;
  const workoutId = await ownWorkoutOfEntry(deps.prisma, userId, workoutExerciseId);
  return changeAndPublish(deps, async (tx) => {
    const workout = await lockOwnWorkout(tx, userId, workoutId);
    const entry = await tx.workoutExercise.findUniqueOrThrow({
      where: { id: workoutExerciseId },
      select: { exerciseId: true, exercise: { select: { kind: true } } },
    });
    const data = toStoredMeasures(entry.exercise.kind, measures, await unitsOf(tx, userId));
    const last = await tx.workoutSet.findFirst({
      where: { workoutExerciseId },
      orderBy: { position: 'desc' },
      select: { position: true },
    });
    const set = await tx.workoutSet.create({
      data: { ...data, workoutExerciseId, position: (last?.position ?? 0) + 1 },
      select: setSelect,
    });
    const appended = await afterSetChange(tx, workout, entry.exerciseId, {
      type: 'workout.set.logged',
      userId,
      workoutId,
      exerciseId: entry.exerciseId,
      set,
    });
    return { result: set, appended };
  });
}

/** Replaces a set's measures (a type left out stays as it was). */
export async function updateSet(deps: WorkoutDeps, userId: string, input: UpdateSetInput) {
  const { setId, ...measures } = input;
  const workoutId = await ownWorkoutOfSet(deps.prisma, userId, setId);
  return changeAndPublish(deps, async (tx) => {
    const workout = await lockOwnWorkout(tx, userId, workoutId);
    const current = await currentSet(tx, setId);
    const data = toStoredMeasures(
      current.workoutExercise.exercise.kind,
      { ...measures, type: measures.type ?? current.type },
      await unitsOf(tx, userId),
    );
    const set = await tx.workoutSet.update({ where: { id: setId }, data, select: setSelect });
    const { exerciseId } = current.workoutExercise;
    const appended = await afterSetChange(tx, workout, exerciseId, {
      type: 'workout.set.updated',
      userId,
      workoutId,
      exerciseId,
      set,
    });
    return { result: set, appended };
  });
}

export async function deleteSet(deps: WorkoutDeps, userId: string, input: { setId: string }) {
  const workoutId = await ownWorkoutOfSet(deps.prisma, userId, input.setId);
  return changeAndPublish(deps, async (tx) => {
    const workout = await lockOwnWorkout(tx, userId, workoutId);
    const current = await currentSet(tx, input.setId);
    await tx.workoutSet.delete({ where: { id: input.setId } });
    const { exerciseId } = current.workoutExercise;
    const appended = await afterSetChange(tx, workout, exerciseId, {
      type: 'workout.set.deleted',
      userId,
      workoutId,
      exerciseId,
      workoutExerciseId: current.workoutExerciseId,
      setId: input.setId,
    });
    return { result: { setId: input.setId }, appended };
  });
}

/** The set as it is now, under its workout's lock (a concurrent delete makes it NOT_FOUND). */
async function currentSet(tx: Transaction, setId: string) {
  const set = await tx.workoutSet.findUnique({
    where: { id: setId },
    select: {
      type: true,
      workoutExerciseId: true,
      workoutExercise: { select: { exerciseId: true, exercise: { select: { kind: true } } } },
    },
  });
  if (!set) throw new AppError('NOT_FOUND', 'No such set.');
  return set;
}

type SetEvent = Parameters<typeof appendToSession>[2][number];

/** A finished workout's records follow its edited sets; a session hears of every change. */
async function afterSetChange(
  tx: Transaction,
  workout: LockedWorkout,
  exerciseId: string,
  event: SetEvent,
): Promise<Appended[]> {
  if (workout.finishedAt) await recomputeRecords(tx, workout.userId, [exerciseId]);
  return appendToSession(tx, workout.sessionId, [event]);
}
