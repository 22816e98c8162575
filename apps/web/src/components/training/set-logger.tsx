'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId } from 'react';
import { describeError } from '@/trpc/error-message';
import { useTRPC, useTRPCClient } from '@/trpc/react';
import styles from '../feed/feed.module.css';
import { useUnits } from '../workouts/use-units';

type Entry = { id: string; exercise: { id: string } };

/**
 * Logs one's own weight × reps sets inside a session, and finishes the workout. A set of an exercise
 * not in the workout yet adds the exercise first. Weights are entered in the user's unit; the session
 * stream brings the set back to every member's screen (this one included).
 */
export function SetLogger({
  workoutId,
  entries,
  onFinished,
}: {
  workoutId: string;
  entries: Entry[];
  onFinished: () => void;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const exerciseId = useId();
  const weightId = useId();
  const repsId = useId();
  const exercises = useQuery({
    ...trpc.exercise.list.queryOptions({}),
    staleTime: Number.POSITIVE_INFINITY,
    select: (list) => list.filter((exercise) => exercise.kind === 'WEIGHT_REPS'),
  });
  const weightUnit = useUnits().weightUnit.toLowerCase();
  const log = useMutation({
    mutationFn: async (input: { exerciseId: string; weight: number; reps: number }) => {
      const entry =
        entries.find((candidate) => candidate.exercise.id === input.exerciseId) ??
        (await client.workout.addExercise.mutate({ workoutId, exerciseId: input.exerciseId }));
      return client.workout.logSet.mutate({
        workoutExerciseId: entry.id,
        weight: input.weight,
        reps: input.reps,
      });
    },
  });
  const finish = useMutation({
    mutationFn: () => client.workout.finish.mutate({ workoutId }),
    onSuccess: onFinished,
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    log.mutate({
      exerciseId: String(form.get('exerciseId') ?? ''),
      weight: Number(form.get('weight')),
      reps: Number(form.get('reps')),
    });
  }

  return (
    <form className={styles.logger} onSubmit={onSubmit} aria-label="Log a set">
      <label htmlFor={exerciseId}>Exercise</label>
      <select
        id={exerciseId}
        name="exerciseId"
        required
        defaultValue={entries[0]?.exercise.id ?? 'lib-bench-press'}
      >
        {(exercises.data ?? []).map((exercise) => (
          <option key={exercise.id} value={exercise.id}>
            {exercise.name}
          </option>
        ))}
      </select>
      <label htmlFor={weightId}>Weight ({weightUnit})</label>
      <input id={weightId} name="weight" type="number" min={0} step="any" required inputMode="decimal" />
      <label htmlFor={repsId}>Reps</label>
      <input id={repsId} name="reps" type="number" min={0} max={1000} step={1} required inputMode="numeric" />
      <button type="submit" className="button" disabled={log.isPending || !exercises.data}>
        Log set
      </button>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => finish.mutate()}
        disabled={finish.isPending}
      >
        Finish workout
      </button>
      {(log.error || finish.error) && (
        <p role="alert" className="error">
          {describeError(log.error ?? finish.error)}
        </p>
      )}
    </form>
  );
}
