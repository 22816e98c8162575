import type { Transaction } from '@spotter/db';
import { requireVisibleWorkout } from '../feed/readers';

/** One exercise a new workout starts with, copied from another workout (no sets). */
export type TemplateEntry = {
  exerciseId: string;
  supersetGroup: number | null;
  notes: string;
  restSeconds: number | null;
};

/**
 * The exercises of a workout the caller may see (their own, or a friend's they can open), to start
 * a new one with: in order, with supersets and rest timers. A workout they may not see is NOT_FOUND,
 * as everywhere. Another person's own exercises are left out (the caller cannot log them), and so are
 * that person's notes, which are theirs.
 */
export async function workoutTemplate(tx: Transaction, userId: string, workoutId: string) {
  const workout = await requireVisibleWorkout(tx, userId, workoutId);
  const isOwn = workout.userId === userId;
  const entries = await tx.workoutExercise.findMany({
    where: { workoutId, exercise: { OR: [{ ownerId: null }, { ownerId: userId }] } },
    orderBy: { position: 'asc' },
    select: { exerciseId: true, supersetGroup: true, notes: true, restSeconds: true },
  });
  return {
    title: workout.title,
    entries: entries.map((entry): TemplateEntry => ({ ...entry, notes: isOwn ? entry.notes : '' })),
  };
}
