'use client';

import type { RouterOutputs } from '@spotter/api';
import { fromKg, roundForDisplay } from '@spotter/api/units';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTRPC } from '@/trpc/react';
import { defaultChartExercise } from './chart-exercise';
import { E1rmChart, WeeklyVolumeChart } from './charts';
import type { Units } from './format';
import styles from './workouts.module.css';

type Props = {
  units: Units;
  summary: RouterOutputs['stats']['summary'];
  history: RouterOutputs['workout']['history'];
};

/** Streaks, the two charts (weekly volume; an exercise's best e1RM over time) and past workouts. */
export function WorkoutHistory({ units, summary, history }: Props) {
  const trpc = useTRPC();
  const unit = units.weightUnit.toLowerCase();
  const exercises = useQuery(trpc.exercise.list.queryOptions({}));
  const chartable = exercises.data?.filter((e) => e.kind === 'WEIGHT_REPS' || e.kind === 'BODYWEIGHT_REPS');
  const [pickedExerciseId, setExerciseId] = useState<string | null>(null);
  const exerciseId =
    pickedExerciseId ?? defaultChartExercise(history.items, chartable && new Set(chartable.map((e) => e.id)));
  const progress = useQuery(trpc.workout.exerciseHistory.queryOptions({ exerciseId }));
  const pages = useInfiniteQuery(
    trpc.workout.history.infiniteQueryOptions(
      {},
      { initialData: { pages: [history], pageParams: [null] }, getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const volume = summary.weeklyVolume.map((week) => ({
    label: week.week.slice(5),
    value: roundForDisplay(week.volume, 0),
  }));
  const e1rm = (progress.data?.workouts ?? []).flatMap((w) =>
    w.bestE1rmKg
      ? [
          {
            label: w.startedAt.toLocaleDateString(),
            value: roundForDisplay(fromKg(w.bestE1rmKg, units.weightUnit), 1),
          },
        ]
      : [],
  );
  const workouts = pages.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className={styles.page}>
      <h1 className={styles.heading}>Workout history</h1>
      <dl className={styles.stats}>
        <div>
          <dt>Current streak</dt>
          <dd>{summary.streaks.current} wk</dd>
        </div>
        <div>
          <dt>Longest streak</dt>
          <dd>{summary.streaks.longest} wk</dd>
        </div>
        <div>
          <dt>Workouts</dt>
          <dd>{summary.workoutCount}</dd>
        </div>
        <div>
          <dt>Records</dt>
          <dd>{summary.recordCount}</dd>
        </div>
      </dl>
      <WeeklyVolumeChart points={volume} unit={unit} />
      <label>
        Exercise for the 1RM chart
        <select value={exerciseId} onChange={(e) => setExerciseId(e.target.value)}>
          {chartable?.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </label>
      <E1rmChart
        points={e1rm}
        unit={unit}
        exercise={progress.data?.exercise.name ?? ''}
        isLoading={progress.data === undefined}
      />
      <section aria-labelledby="past-heading" className={styles.card}>
        <h2 id="past-heading" className={styles.heading}>
          Past workouts
        </h2>
        {workouts.length === 0 && <p className={styles.muted}>No finished workouts yet.</p>}
        <ul className={styles.results}>
          {workouts.map((w) => (
            <li key={w.id}>
              <Link href={`/workouts/${w.id}`}>{w.title || 'Workout'}</Link>{' '}
              <span className={styles.muted}>
                {w.startedAt.toLocaleDateString()} · {w.exercises.map((e) => e.name).join(', ')}
                {w.recordCount > 0 && ` · ${w.recordCount} records`}
              </span>
            </li>
          ))}
        </ul>
        {pages.hasNextPage && (
          <button type="button" className="button button-quiet" onClick={() => void pages.fetchNextPage()}>
            Load more
          </button>
        )}
      </section>
    </div>
  );
}
