import { inWorkoutOrder } from '../records/order';
import type { RecordView, WorkoutCard } from '../streams/together-events';

/** The Prisma selection a WorkoutCard is built from: one query per relation level for a whole page. */
export const workoutCardSelect = {
  id: true,
  title: true,
  visibility: true,
  startedAt: true,
  finishedAt: true,
  user: { select: { id: true, username: true, name: true } },
  exercises: {
    select: {
      exerciseId: true,
      sets: { select: { type: true, weightKg: true, reps: true, distanceM: true } },
    },
    orderBy: { position: 'asc' },
  },
  personalRecords: {
    select: {
      kind: true,
      value: true,
      weightKg: true,
      exerciseId: true,
      exercise: { select: { name: true } },
    },
  },
  _count: { select: { kudos: true } },
} as const;

type SetRow = { type: string; weightKg: number | null; reps: number | null; distanceM: number | null };
type RecordRow = {
  kind: RecordView['kind'];
  value: number;
  weightKg: number | null;
  exerciseId: string;
  exercise: { name: string };
};
export type WorkoutCardRow = {
  id: string;
  title: string;
  visibility: WorkoutCard['visibility'];
  startedAt: Date;
  finishedAt: Date | null;
  user: WorkoutCard['owner'];
  exercises: { exerciseId: string; sets: SetRow[] }[];
  personalRecords: RecordRow[];
  _count: { kudos: number };
};

/** Volume counts working sets only (warm-ups are not training volume, as Hevy and Strong count it). */
function volumeOf(sets: SetRow[]): number {
  return sets.reduce(
    (sum, set) => (set.type === 'WARMUP' ? sum : sum + (set.weightKg ?? 0) * (set.reps ?? 0)),
    0,
  );
}

/** Distance counts working sets only too: a warm-up jog is not the run. */
function distanceOf(sets: SetRow[]): number {
  return sets.reduce((sum, set) => (set.type === 'WARMUP' ? sum : sum + (set.distanceM ?? 0)), 0);
}

export function toWorkoutCard(row: WorkoutCardRow): WorkoutCard {
  const sets = row.exercises.flatMap((exercise) => exercise.sets);
  return {
    id: row.id,
    owner: row.user,
    title: row.title,
    visibility: row.visibility,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    durationSec: row.finishedAt
      ? Math.max(0, Math.round((row.finishedAt.getTime() - row.startedAt.getTime()) / 1000))
      : null,
    exerciseCount: row.exercises.length,
    setCount: sets.length,
    volumeKg: Math.round(volumeOf(sets) * 10) / 10,
    distanceM: Math.round(distanceOf(sets)),
    records: inWorkoutOrder(
      row.personalRecords,
      row.exercises.map((exercise) => exercise.exerciseId),
    ).map(({ exercise, exerciseId: _, ...record }) => ({
      ...record,
      exerciseName: exercise.name,
    })),
    kudosCount: row._count.kudos,
  };
}
