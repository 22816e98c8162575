'use client';

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import styles from './workouts.module.css';

type Visibility = 'PRIVATE' | 'FRIENDS' | 'PUBLIC';
type Props = {
  workout: { id: string; title: string; notes: string; visibility: Visibility };
  onSaved: () => void;
};

/** Title, notes and who can see a workout; its owner edits them after the fact. */
export function WorkoutEditForm({ workout, onSaved }: Props) {
  const trpc = useTRPC();
  const [form, setForm] = useState({
    title: workout.title,
    notes: workout.notes,
    visibility: workout.visibility,
  });
  const save = useMutation(trpc.workout.update.mutationOptions({ onSuccess: onSaved }));
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ workoutId: workout.id, ...form });
  }
  return (
    <form className={styles.card} onSubmit={submit} aria-label="Edit workout">
      <h2 className={styles.heading}>Edit</h2>
      <label>
        Title
        <input
          value={form.title}
          maxLength={120}
          onChange={(e) => setForm({ ...form, title: e.target.value })}
        />
      </label>
      <label>
        Notes
        <textarea
          value={form.notes}
          maxLength={2000}
          rows={3}
          onChange={(e) => setForm({ ...form, notes: e.target.value })}
        />
      </label>
      <label>
        Who can see it
        <select
          value={form.visibility}
          onChange={(e) => setForm({ ...form, visibility: e.target.value as Visibility })}
        >
          <option value="FRIENDS">Friends</option>
          <option value="PUBLIC">Everyone</option>
          <option value="PRIVATE">Only me</option>
        </select>
      </label>
      <p className={styles.row}>
        <button type="submit" className="button" disabled={save.isPending}>
          Save
        </button>
        {save.isSuccess && <span role="status">Saved.</span>}
      </p>
      {save.error && (
        <p className="error" role="alert">
          {describeError(save.error)}
        </p>
      )}
    </form>
  );
}
