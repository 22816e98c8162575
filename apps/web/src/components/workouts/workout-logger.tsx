'use client';

import type { RouterOutputs } from '@spotter/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import { ExerciseEntry } from './exercise-entry';
import { ExercisePicker } from './exercise-picker';
import type { Units } from './format';
import { RestTimer } from './rest-timer';
import { useLastSets } from './use-last-sets';
import styles from './workouts.module.css';

type Active = RouterOutputs['workout']['active'];
const DEFAULT_REST_SECONDS = 90;

/** Start a workout, or log the active one: exercises, sets, supersets, rest timer, finish or discard. */
export function WorkoutLogger({ initial, units }: { initial: Active; units: Units }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { data: workout } = useQuery(trpc.workout.active.queryOptions(undefined, { initialData: initial }));
  const [restEndsAt, setRestEndsAt] = useState<number | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.workout.active.queryKey() });
  const options = { onSuccess: refresh };
  const start = useMutation(trpc.workout.start.mutationOptions(options));
  const addExercise = useMutation(trpc.workout.addExercise.mutationOptions(options));
  const updateExercise = useMutation(trpc.workout.updateExercise.mutationOptions(options));
  const logSet = useMutation(trpc.workout.logSet.mutationOptions(options));
  const deleteSet = useMutation(trpc.workout.deleteSet.mutationOptions(options));
  const discard = useMutation(trpc.workout.discard.mutationOptions(options));
  const finish = useMutation(
    trpc.workout.finish.mutationOptions({
      async onSuccess({ id }) {
        await refresh();
        router.push(`/workouts/${id}`);
      },
    }),
  );
  const mutations = [start, addExercise, updateExercise, logSet, deleteSet, discard, finish];
  const failed = mutations.find((m) => m.error);
  const isBusy = mutations.some((m) => m.isPending);
  const lastSets = useLastSets(workout?.exercises.map((entry) => entry.exerciseId) ?? []);

  if (!workout)
    return <StartForm onStart={(input) => start.mutate(input)} isBusy={isBusy} error={failed?.error} />;

  const last = workout.exercises.at(-1);
  const groups = workout.exercises.map((e) => e.supersetGroup ?? 0);
  function pick(exerciseId: string, asSuperset: boolean) {
    if (!workout) return;
    // A superset joins the previous exercise's group, or opens a new one with it.
    let supersetGroup: number | null = null;
    if (asSuperset && last) supersetGroup = last.supersetGroup ?? Math.max(0, ...groups) + 1;
    if (asSuperset && last && !last.supersetGroup && supersetGroup)
      updateExercise.mutate({ workoutExerciseId: last.id, supersetGroup });
    addExercise.mutate({ workoutId: workout.id, exerciseId, supersetGroup });
  }

  return (
    <div className={styles.page}>
      <header className={styles.row}>
        <h1 className={styles.heading}>{workout.title || 'Workout'} — training now</h1>
        {/* A workout of a live session: friends' sets and the invitations are on the session's page. */}
        {workout.sessionId && (
          <Link href={`/training/${workout.sessionId}`} className="button button-quiet">
            Back to the training session
          </Link>
        )}
        <button
          type="button"
          className="button"
          disabled={isBusy}
          onClick={() => finish.mutate({ workoutId: workout.id })}
        >
          Finish workout
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={isBusy}
          onClick={() => {
            if (window.confirm('Discard this workout and all its sets?'))
              discard.mutate({ workoutId: workout.id });
          }}
        >
          Discard
        </button>
      </header>
      {failed?.error && (
        <p className="error" role="alert">
          {describeError(failed.error)}
        </p>
      )}
      {restEndsAt && <RestTimer endsAt={restEndsAt} onDone={() => setRestEndsAt(null)} />}
      {workout.exercises.map((entry) => (
        <ExerciseEntry
          key={entry.id}
          entry={entry}
          lastTime={lastSets.get(entry.exerciseId)}
          units={units}
          isBusy={isBusy}
          onDeleteSet={(setId) => deleteSet.mutate({ setId })}
          onLog={(set) =>
            logSet.mutate(
              { workoutExerciseId: entry.id, ...set },
              {
                onSuccess: () =>
                  setRestEndsAt(Date.now() + (entry.restSeconds ?? DEFAULT_REST_SECONDS) * 1000),
              },
            )
          }
        />
      ))}
      <ExercisePicker onPick={pick} canSuperset={Boolean(last)} isBusy={isBusy} />
    </div>
  );
}

function StartForm({
  onStart,
  isBusy,
  error,
}: {
  onStart: (input: { title: string; visibility: 'PRIVATE' | 'FRIENDS' | 'PUBLIC' }) => void;
  isBusy: boolean;
  error: unknown;
}) {
  const [title, setTitle] = useState('');
  const [visibility, setVisibility] = useState<'PRIVATE' | 'FRIENDS' | 'PUBLIC'>('FRIENDS');
  function submit(event: FormEvent) {
    event.preventDefault();
    onStart({ title, visibility });
  }
  return (
    <div className={styles.page}>
      <header className={styles.row}>
        <h1 className={styles.heading}>Workouts</h1>
        {/* Past workouts, records and charts live on their own page: reachable from here, not only from a summary. */}
        <Link href="/workouts/history" className="button button-quiet">
          History and records
        </Link>
      </header>
      <form className={`${styles.card} ${styles.row}`} onSubmit={submit} aria-label="Start a workout">
        <label>
          Title
          <input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={120}
            placeholder="Push day"
          />
        </label>
        <label>
          Who can see it
          <select value={visibility} onChange={(e) => setVisibility(e.target.value as typeof visibility)}>
            <option value="FRIENDS">Friends</option>
            <option value="PUBLIC">Everyone</option>
            <option value="PRIVATE">Only me</option>
          </select>
        </label>
        <button type="submit" className="button" disabled={isBusy}>
          Start workout
        </button>
      </form>
      {Boolean(error) && (
        <p className="error" role="alert">
          {describeError(error)}
        </p>
      )}
    </div>
  );
}
