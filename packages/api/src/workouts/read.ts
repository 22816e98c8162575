import type { Database } from '@spotter/db';
import { maySeeWorkout } from '../feed/readers';
import { noSuchWorkout } from './access';
import { autoCloseStale } from './auto-close';
import { cachedWorkoutView } from './cached-workout';
import type { HistoryInput } from './inputs';
import type { WorkoutDeps } from './session-events';
import { toWorkoutView, type WorkoutView, workoutSelect } from './view';

/**
 * A workout as its owner, or someone its visibility lets in, sees it: PUBLIC to anyone the owner has
 * not blocked, FRIENDS to friends, PRIVATE to the owner alone. Anyone else is told it does not exist.
 */
export async function getWorkout(
  deps: WorkoutDeps,
  viewerId: string,
  workoutId: string,
): Promise<WorkoutView> {
  // Owner and visibility are read fresh on every call (who may see a workout is never cached); the
  // summary itself comes from the cache.
  const access = await deps.prisma.workout.findUnique({
    where: { id: workoutId },
    select: { userId: true, visibility: true },
  });
  if (!access || !(await maySeeWorkout(deps.prisma, viewerId, access))) throw noSuchWorkout();
  const view = await cachedWorkoutView(deps, access.userId, workoutId);
  if (!view) throw noSuchWorkout();
  return view;
}

/**
 * The caller's active workout, or null. A workout left open 12 hours is closed first (the periodic
 * sweep may not have reached it yet), so nobody resumes a forgotten workout.
 */
export async function activeWorkout(deps: WorkoutDeps, userId: string): Promise<WorkoutView | null> {
  await autoCloseStale(deps, new Date(), userId);
  const row = await deps.prisma.workout.findFirst({
    where: { userId, finishedAt: null },
    select: workoutSelect,
  });
  return row ? toWorkoutView(row) : null;
}

/** The caller's finished workouts, newest first, a page at a time (cursor: the last id of a page). */
export async function workoutHistory(prisma: Database, userId: string, input: HistoryInput) {
  const rows = await prisma.workout.findMany({
    where: { userId, finishedAt: { not: null } },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      title: true,
      visibility: true,
      startedAt: true,
      finishedAt: true,
      autoClosed: true,
      exercises: {
        orderBy: { position: 'asc' },
        select: { exercise: { select: { id: true, name: true } }, _count: { select: { sets: true } } },
      },
      _count: { select: { personalRecords: true } },
    },
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map(({ exercises, _count, ...workout }) => ({
      ...workout,
      exercises: exercises.map((entry) => ({
        id: entry.exercise.id,
        name: entry.exercise.name,
        sets: entry._count.sets,
      })),
      recordCount: _count.personalRecords,
    })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
