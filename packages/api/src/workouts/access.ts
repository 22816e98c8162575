import type { Database, Transaction } from '@spotter/db';
import { AppError } from '../errors';
import type { Units } from './units';

type Db = Database | Transaction;

export type LockedWorkout = {
  id: string;
  userId: string;
  sessionId: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  visibility: 'PRIVATE' | 'FRIENDS' | 'PUBLIC';
};

export const noSuchWorkout = () => new AppError('NOT_FOUND', 'No such workout.');

/**
 * Locks the caller's own workout for the rest of the transaction, so changes to one workout queue
 * (set positions stay unique, a finish waits for a set being logged). Someone else's workout is
 * answered as one that does not exist.
 */
export async function lockOwnWorkout(
  tx: Transaction,
  userId: string,
  workoutId: string,
): Promise<LockedWorkout> {
  const [row] = await tx.$queryRaw<LockedWorkout[]>`
    SELECT "id", "userId", "sessionId", "startedAt", "finishedAt", "visibility"::TEXT AS "visibility"
    FROM "Workout"
    WHERE "id" = ${workoutId} AND "userId" = ${userId} FOR UPDATE`;
  if (!row) throw noSuchWorkout();
  return row;
}

/**
 * Holds a workout that a change refers to (kudos on it, a message sharing it) until the transaction
 * ends, so it is not deleted meanwhile: NOT_FOUND once it is gone. Take it first, before any stream
 * lock, as the owner's changes take lockOwnWorkout first; otherwise such a change, holding a stream,
 * and a delete, holding the workout and waiting for that stream, would deadlock.
 */
export async function holdWorkout(tx: Transaction, workoutId: string): Promise<void> {
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM "Workout" WHERE "id" = ${workoutId} FOR KEY SHARE`;
  if (rows.length === 0) throw noSuchWorkout();
}

/** The workout an exercise entry belongs to, if it is the caller's. */
export async function ownWorkoutOfEntry(db: Db, userId: string, workoutExerciseId: string) {
  const entry = await db.workoutExercise.findUnique({
    where: { id: workoutExerciseId },
    select: { workoutId: true, workout: { select: { userId: true } } },
  });
  if (!entry || entry.workout.userId !== userId) throw noSuchWorkout();
  return entry.workoutId;
}

/** The workout a set belongs to, if it is the caller's. */
export async function ownWorkoutOfSet(db: Db, userId: string, setId: string) {
  const set = await db.workoutSet.findUnique({
    where: { id: setId },
    select: { workoutExercise: { select: { workoutId: true, workout: { select: { userId: true } } } } },
  });
  if (!set || set.workoutExercise.workout.userId !== userId) throw new AppError('NOT_FOUND', 'No such set.');
  return set.workoutExercise.workoutId;
}

/** An exercise of the library or the caller's own; another user's exercise does not exist for them. */
export async function visibleExercise(db: Db, userId: string, exerciseId: string) {
  const exercise = await db.exercise.findFirst({
    where: { id: exerciseId, OR: [{ ownerId: null }, { ownerId: userId }] },
    select: { id: true, name: true, kind: true },
  });
  if (!exercise) throw new AppError('NOT_FOUND', 'No such exercise.');
  return exercise;
}

export async function unitsOf(db: Db, userId: string): Promise<Units> {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { weightUnit: true, distanceUnit: true },
  });
}
