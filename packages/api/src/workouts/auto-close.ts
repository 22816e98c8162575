import type { Database } from '@spotter/db';
import type { Logger } from '../logger';
import { invalidateWorkoutsOf } from './cached-workout';
import { closeWorkout } from './lifecycle';
import { changeAndPublish, type WorkoutDeps } from './session-events';

/** A workout open this long was forgotten: it is closed for its owner. */
export const AUTO_CLOSE_AFTER_MS = 12 * 60 * 60 * 1000;
const SWEEP_EVERY_MS = 5 * 60 * 1000;

/**
 * Closes the workouts (of one user, or everyone's) started 12 hours or more before `now`. finishedAt
 * is the last thing logged (the newest set, else the start): the time the person actually stopped,
 * so durations and "training now" stay honest, rather than a made-up 12-hour workout. Each workout
 * is closed under its own lock and re-checked there, so a finish racing the sweep wins cleanly.
 */
export async function autoCloseStale(deps: WorkoutDeps, now: Date, userId?: string): Promise<number> {
  const cutoff = new Date(now.getTime() - AUTO_CLOSE_AFTER_MS);
  const stale = await deps.prisma.workout.findMany({
    where: { finishedAt: null, startedAt: { lte: cutoff }, ...(userId ? { userId } : {}) },
    select: { id: true },
    take: 500,
  });
  let closed = 0;
  for (const { id } of stale) {
    const closedFor = await changeAndPublish(deps, async (tx) => {
      const [workout] = await tx.$queryRaw<
        { id: string; userId: string; sessionId: string | null; startedAt: Date }[]
      >`
        SELECT "id", "userId", "sessionId", "startedAt" FROM "Workout"
        WHERE "id" = ${id} AND "finishedAt" IS NULL AND "startedAt" <= ${cutoff} FOR UPDATE`;
      if (!workout) return { result: null, appended: [] };
      const last = await tx.workoutSet.aggregate({
        where: { workoutExercise: { workoutId: id } },
        _max: { loggedAt: true },
      });
      const finishedAt = last._max.loggedAt ?? workout.startedAt;
      const { appended } = await closeWorkout(tx, workout, finishedAt, true);
      return { result: workout.userId, appended };
    });
    if (closedFor === null) continue;
    await invalidateWorkoutsOf(deps.cache, closedFor);
    closed += 1;
  }
  return closed;
}

/**
 * Sweeps at start and then every five minutes, in the background, like stream retention. Every
 * replica may run it: the sweep re-checks each workout under its lock. Returns the stop function.
 */
export function keepWorkoutsClosed(deps: WorkoutDeps & { prisma: Database; logger: Logger }) {
  const run = () => {
    autoCloseStale(deps, new Date()).then(
      (closed) => {
        if (closed > 0) deps.logger.info({ closed }, 'closed workouts left open 12 hours');
      },
      (err: Error) => deps.logger.warn({ err: err.message }, 'closing stale workouts failed; retrying later'),
    );
  };
  run();
  const timer = setInterval(run, SWEEP_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
