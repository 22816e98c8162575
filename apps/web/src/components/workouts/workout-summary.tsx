'use client';

import type { RouterOutputs } from '@spotter/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import { describeRecord, describeSet, formatDuration, SET_TYPE_NAMES, type Units } from './format';
import { StartFromWorkout } from './start-from-workout';
import { WorkoutEditForm } from './workout-edit-form';
import { WorkoutKudos } from './workout-kudos';
import styles from './workouts.module.css';

type Workout = RouterOutputs['workout']['get'];

/** A finished (or active) workout: its exercises and sets, the records it set; its owner may edit or delete it. */
export function WorkoutSummary({
  initial,
  units,
  isOwn,
}: {
  initial: Workout;
  units: Units;
  isOwn: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { data: workout } = useQuery(
    trpc.workout.get.queryOptions({ workoutId: initial.id }, { initialData: initial }),
  );
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.workout.get.queryKey({ workoutId: initial.id }) });
  const deleteSet = useMutation(trpc.workout.deleteSet.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.workout.delete.mutationOptions({ onSuccess: () => router.push('/workouts/history') }),
  );
  const names = new Map(workout.exercises.map((e) => [e.exerciseId, e.name]));
  const seconds = workout.finishedAt
    ? Math.round((workout.finishedAt.getTime() - workout.startedAt.getTime()) / 1000)
    : null;
  const error = deleteSet.error ?? remove.error;

  return (
    <div className={styles.page}>
      <header>
        <h1 className={styles.heading}>{workout.title || 'Workout'}</h1>
        <p className={styles.muted}>
          {workout.user.name} · {workout.startedAt.toLocaleString()}
          {seconds !== null && ` · ${formatDuration(seconds)}`}
          {workout.autoClosed && ' · closed automatically after 12 hours'}
        </p>
        {workout.notes && <p>{workout.notes}</p>}
      </header>

      <section className={styles.card} aria-labelledby="records-heading">
        <h2 id="records-heading" className={styles.heading}>
          Personal records
        </h2>
        {workout.personalRecords.length === 0 ? (
          <p className={styles.muted}>No new records this time.</p>
        ) : (
          <ul className={styles.records} data-testid="personal-records">
            {workout.personalRecords.map((record) => (
              <li key={record.id}>
                🏆 {names.get(record.exerciseId)} — {describeRecord(record, units)}
              </li>
            ))}
          </ul>
        )}
      </section>

      {workout.finishedAt && <WorkoutKudos workoutId={workout.id} isOwn={isOwn} />}
      {workout.finishedAt && <StartFromWorkout workoutId={workout.id} isOwn={isOwn} />}

      {workout.exercises.map((entry) => (
        <section
          key={entry.id}
          className={`${styles.card} ${entry.supersetGroup ? styles.superset : ''}`}
          aria-labelledby={`summary-${entry.id}`}
        >
          <h2 id={`summary-${entry.id}`} className={styles.heading}>
            {entry.name}
            {entry.supersetGroup && <span className={styles.badge}>Superset {entry.supersetGroup}</span>}
          </h2>
          <ol className={styles.sets} aria-label={`Sets of ${entry.name}`}>
            {entry.sets.map((set) => (
              <li key={set.id} className={styles.set}>
                <span>
                  {set.type !== 'NORMAL' && `${SET_TYPE_NAMES[set.type]}: `}
                  {describeSet(set, units)}
                </span>
                {isOwn && (
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-label={`Delete set ${set.position} of ${entry.name}`}
                    onClick={() => deleteSet.mutate({ setId: set.id })}
                  >
                    ✕
                  </button>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}

      {error && (
        <p className="error" role="alert">
          {describeError(error)}
        </p>
      )}
      {isOwn && (
        <>
          <WorkoutEditForm workout={workout} onSaved={refresh} />
          <p className={styles.row}>
            <Link href="/workouts/history" className="button button-quiet">
              History
            </Link>
            <button
              type="button"
              className="button button-danger"
              onClick={() => {
                if (window.confirm('Delete this workout for good?')) remove.mutate({ workoutId: workout.id });
              }}
            >
              Delete workout
            </button>
          </p>
        </>
      )}
    </div>
  );
}
