import { describe, expect, it } from 'vitest';
import { defaultChartExercise, FALLBACK_CHART_EXERCISE } from './chart-exercise';

const workout = (...ids: string[]) => ({ exercises: ids.map((id) => ({ id })) });

describe('defaultChartExercise', () => {
  it('opens on the first exercise of the latest workout', () => {
    expect(
      defaultChartExercise([workout('lib-back-squat', 'lib-dip'), workout('lib-bench-press')], undefined),
    ).toBe('lib-back-squat');
  });

  it('passes over what the chart cannot draw, into older workouts if need be', () => {
    const chartable = new Set(['lib-deadlift', 'lib-dip']);
    expect(
      defaultChartExercise([workout('lib-running'), workout('lib-rowing', 'lib-deadlift')], chartable),
    ).toBe('lib-deadlift');
  });

  it('falls back to the staple lift with nothing to go by', () => {
    expect(defaultChartExercise([], undefined)).toBe(FALLBACK_CHART_EXERCISE);
    expect(defaultChartExercise([workout('lib-running')], new Set(['lib-dip']))).toBe(
      FALLBACK_CHART_EXERCISE,
    );
  });
});
