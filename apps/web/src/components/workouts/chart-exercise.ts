/** The library's staple lift, for someone with no finished workout to go by. */
export const FALLBACK_CHART_EXERCISE = 'lib-bench-press';

/**
 * Which exercise the 1RM chart opens on: the first one the person trained most recently that the
 * chart can draw (weights or bodyweight reps), so the chart shows their own lifts rather than an
 * empty Bench Press. `chartable` is undefined while the exercise list loads: any recent one will do.
 */
export function defaultChartExercise(
  recentWorkouts: readonly { exercises: readonly { id: string }[] }[],
  chartable: ReadonlySet<string> | undefined,
): string {
  for (const workout of recentWorkouts)
    for (const { id } of workout.exercises) if (!chartable || chartable.has(id)) return id;
  return FALLBACK_CHART_EXERCISE;
}
