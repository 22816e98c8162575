import { fromKg, type WeightUnit } from '../workouts/units';
import { e1rm } from './math';
import { addWeeks, isoWeek, weekStart, weeksBetween } from './weeks';

export type SetForStats = {
  type: 'WARMUP' | 'NORMAL' | 'DROP' | 'FAILURE';
  weightKg: number | null;
  reps: number | null;
};
export type WorkoutForStats = { startedAt: Date; sets: SetForStats[] };

/** A set's volume: weight × reps, in kg. Warm-ups are not training volume; bodyweight sets without added weight add 0. */
export function setVolumeKg(set: SetForStats): number {
  if (set.type === 'WARMUP') return 0;
  return (set.weightKg ?? 0) * (set.reps ?? 0);
}

/**
 * Volume per ISO week (Σ weight × reps of the week's finished workouts) in the user's weight unit,
 * oldest week first, from the first week with a workout through `now`'s week, empty weeks included
 * (a chart shows the gap). Not rounded: display rounds.
 */
export function weeklyVolume(workouts: readonly WorkoutForStats[], unit: WeightUnit, now: Date) {
  const [head] = workouts;
  if (!head) return [];
  const totals = new Map<string, number>();
  for (const workout of workouts) {
    const week = isoWeek(workout.startedAt);
    const kg = workout.sets.reduce((sum, set) => sum + setVolumeKg(set), 0);
    totals.set(week, (totals.get(week) ?? 0) + kg);
  }
  const first = workouts.reduce((min, w) => (w.startedAt < min ? w.startedAt : min), head.startedAt);
  const weeks = [];
  for (let i = 0, n = weeksBetween(first, now); i <= n; i += 1) {
    const start = addWeeks(first, i);
    const week = isoWeek(start);
    weeks.push({ week, weekStart: start, volume: fromKg(totals.get(week) ?? 0, unit) });
  }
  return weeks;
}

/**
 * Streaks of consecutive ISO weeks with at least one finished workout. `longest` is the longest run
 * ever. `current` is the run ending this week — or last week, if this week has none yet: a week still
 * under way has not broken the streak. 0 when neither week has a workout.
 */
export function streaks(workoutStarts: readonly Date[], now: Date): { current: number; longest: number } {
  const weeks = [...new Set(workoutStarts.map((date) => weekStart(date).getTime()))].sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  let previous: number | null = null;
  for (const week of weeks) {
    run = previous !== null && weeksBetween(new Date(previous), new Date(week)) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = week;
  }
  const has = new Set(weeks);
  let cursor = weekStart(now);
  if (!has.has(cursor.getTime())) cursor = addWeeks(cursor, -1);
  let current = 0;
  while (has.has(cursor.getTime())) {
    current += 1;
    cursor = addWeeks(cursor, -1);
  }
  return { current, longest };
}

/** An exercise's best e1RM per workout (kg), oldest first: the points of the progress chart. */
export function bestE1rmPerWorkout(history: readonly (WorkoutForStats & { workoutId: string })[]) {
  return history.flatMap((workout) => {
    const best = Math.max(
      0,
      ...workout.sets
        .filter((set) => set.type !== 'WARMUP')
        .map((set) => e1rm(set.weightKg ?? 0, set.reps ?? 0)),
    );
    return best > 0 ? [{ workoutId: workout.workoutId, date: workout.startedAt, e1rmKg: best }] : [];
  });
}
