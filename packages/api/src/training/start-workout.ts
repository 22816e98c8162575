import type { Transaction } from '@spotter/db';
import { AppError } from '../errors';

/**
 * Starts `userId`'s workout inside a session, in the caller's transaction.
 * Placeholder until the workouts module's start service is merged: it only creates the row.
 */
export async function startSessionWorkout(
  tx: Transaction,
  input: { userId: string; sessionId: string; title: string },
): Promise<{ workoutId: string }> {
  const active = await tx.workout.findFirst({
    where: { userId: input.userId, finishedAt: null },
    select: { id: true },
  });
  if (active) throw new AppError('CONFLICT', 'Finish or discard your current workout first.');
  const { id } = await tx.workout.create({
    data: { userId: input.userId, sessionId: input.sessionId, title: input.title },
    select: { id: true },
  });
  return { workoutId: id };
}
