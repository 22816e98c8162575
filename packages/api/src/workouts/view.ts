import type { Prisma } from '@spotter/db';
import { inWorkoutOrder } from '../records/order';
import type { WorkoutExerciseView, WorkoutSetView } from '../streams/workout-events';

/** The columns of a set as every view and event shows it (stored units: kg, metres). */
export const setSelect = {
  id: true,
  workoutExerciseId: true,
  position: true,
  type: true,
  weightKg: true,
  reps: true,
  rpe: true,
  durationSec: true,
  distanceM: true,
  loggedAt: true,
} satisfies Prisma.WorkoutSetSelect;

export const entrySelect = {
  id: true,
  exerciseId: true,
  position: true,
  supersetGroup: true,
  notes: true,
  restSeconds: true,
  exercise: { select: { name: true, kind: true } },
} satisfies Prisma.WorkoutExerciseSelect;

type EntryRow = Prisma.WorkoutExerciseGetPayload<{ select: typeof entrySelect }>;

export function toEntryView({ exercise, ...entry }: EntryRow): WorkoutExerciseView {
  return { ...entry, name: exercise.name, kind: exercise.kind };
}

export const workoutSelect = {
  id: true,
  userId: true,
  title: true,
  notes: true,
  visibility: true,
  startedAt: true,
  finishedAt: true,
  autoClosed: true,
  sessionId: true,
  user: { select: { id: true, username: true, name: true } },
  exercises: {
    orderBy: { position: 'asc' },
    select: { ...entrySelect, sets: { orderBy: { position: 'asc' }, select: setSelect } },
  },
  personalRecords: {
    select: {
      id: true,
      exerciseId: true,
      setId: true,
      kind: true,
      value: true,
      weightKg: true,
      achievedAt: true,
    },
  },
} satisfies Prisma.WorkoutSelect;

type WorkoutRow = Prisma.WorkoutGetPayload<{ select: typeof workoutSelect }>;

/** A workout with its exercises, sets and the records it set: what the summary page shows. */
export function toWorkoutView(row: WorkoutRow) {
  return {
    ...row,
    personalRecords: inWorkoutOrder(
      row.personalRecords,
      row.exercises.map((entry) => entry.exerciseId),
    ),
    exercises: row.exercises.map(({ sets, ...entry }) => ({
      ...toEntryView(entry),
      sets: sets satisfies WorkoutSetView[],
    })),
  };
}
export type WorkoutView = ReturnType<typeof toWorkoutView>;
