import type { Database } from '@spotter/db';
import { unitsOf, visibleExercise } from '../workouts/access';
import { bestE1rmPerWorkout, streaks, weeklyVolume } from './stats';

const WEEKS_SHOWN = 26;

/** The caller's records of one exercise, newest first (older ones stay: they show the progress). */
export async function recordsForExercise(prisma: Database, userId: string, exerciseId: string) {
  const exercise = await visibleExercise(prisma, userId, exerciseId);
  const records = await prisma.personalRecord.findMany({
    where: { userId, exerciseId },
    orderBy: [{ achievedAt: 'desc' }, { kind: 'asc' }],
    select: {
      id: true,
      kind: true,
      value: true,
      weightKg: true,
      achievedAt: true,
      workoutId: true,
      setId: true,
    },
  });
  return { exercise, records };
}

/**
 * One exercise across the caller's finished workouts, oldest first: each workout's sets and its best
 * e1RM (kg), which the progress chart plots.
 */
export async function exerciseHistory(
  prisma: Database,
  userId: string,
  input: { exerciseId: string; limit: number },
) {
  const exercise = await visibleExercise(prisma, userId, input.exerciseId);
  const entries = await prisma.workoutExercise.findMany({
    where: { exerciseId: input.exerciseId, workout: { userId, finishedAt: { not: null } } },
    orderBy: [{ workout: { startedAt: 'desc' } }, { position: 'asc' }],
    take: input.limit,
    select: {
      workoutId: true,
      workout: { select: { startedAt: true, title: true } },
      sets: {
        orderBy: { position: 'asc' },
        select: {
          id: true,
          type: true,
          weightKg: true,
          reps: true,
          durationSec: true,
          distanceM: true,
          rpe: true,
        },
      },
    },
  });
  const workouts = entries.reverse().map((entry) => ({
    workoutId: entry.workoutId,
    title: entry.workout.title,
    startedAt: entry.workout.startedAt,
    sets: entry.sets,
  }));
  const best = new Map(bestE1rmPerWorkout(workouts).map((point) => [point.workoutId, point.e1rmKg]));
  return { exercise, workouts: workouts.map((w) => ({ ...w, bestE1rmKg: best.get(w.workoutId) ?? null })) };
}

/**
 * Weekly volume (the last 26 ISO weeks, in the caller's weight unit) and workout streaks, from
 * finished workouts. Weeks are UTC ISO weeks of a workout's start.
 */
export async function statsSummary(prisma: Database, userId: string, now = new Date()) {
  const units = await unitsOf(prisma, userId);
  const since = new Date(now.getTime() - WEEKS_SHOWN * 7 * 24 * 60 * 60 * 1000);
  const [starts, recent, recordCount] = await Promise.all([
    prisma.workout.findMany({ where: { userId, finishedAt: { not: null } }, select: { startedAt: true } }),
    prisma.workout.findMany({
      where: { userId, finishedAt: { not: null }, startedAt: { gte: since } },
      select: {
        startedAt: true,
        exercises: { select: { sets: { select: { type: true, weightKg: true, reps: true } } } },
      },
    }),
    prisma.personalRecord.count({ where: { userId } }),
  ]);
  const volume = weeklyVolume(
    recent.map((w) => ({ startedAt: w.startedAt, sets: w.exercises.flatMap((e) => e.sets) })),
    units.weightUnit,
    now,
  );
  return {
    weightUnit: units.weightUnit,
    weeklyVolume: volume,
    streaks: streaks(
      starts.map((w) => w.startedAt),
      now,
    ),
    workoutCount: starts.length,
    recordCount,
  };
}
