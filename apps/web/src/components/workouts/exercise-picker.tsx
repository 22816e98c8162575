'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTRPC } from '@/trpc/react';
import styles from './workouts.module.css';

type Props = {
  onPick: (exerciseId: string, asSuperset: boolean) => void;
  canSuperset: boolean;
  isBusy: boolean;
};

/** Finds an exercise in the library (and the user's own) by name and muscle group, and adds it. */
export function ExercisePicker({ onPick, canSuperset, isBusy }: Props) {
  const trpc = useTRPC();
  const id = useId();
  const [query, setQuery] = useState('');
  const [muscleGroup, setMuscleGroup] = useState('');
  const [asSuperset, setAsSuperset] = useState(false);
  const facets = useQuery(trpc.exercise.facets.queryOptions());
  const filter = muscleGroup ? { muscleGroup } : {};
  const search = useQuery(
    query.trim()
      ? trpc.exercise.search.queryOptions({ query: query.trim(), ...filter })
      : trpc.exercise.list.queryOptions({ ...filter, limit: 30 }),
  );

  return (
    <section className={styles.card} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className={styles.heading}>
        Add an exercise
      </h2>
      <div className={styles.row}>
        <label>
          Search exercises
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} maxLength={60} />
        </label>
        <label>
          Muscle group
          <select value={muscleGroup} onChange={(e) => setMuscleGroup(e.target.value)}>
            <option value="">Any</option>
            {facets.data?.muscleGroups.map((group) => (
              <option key={group} value={group}>
                {group}
              </option>
            ))}
          </select>
        </label>
        {canSuperset && (
          <label className={styles.checkLabel}>
            <input type="checkbox" checked={asSuperset} onChange={(e) => setAsSuperset(e.target.checked)} />
            Superset with the previous exercise
          </label>
        )}
      </div>
      <ul className={styles.results} aria-label="Exercises found">
        {search.data?.map((exercise) => (
          <li key={exercise.id}>
            <button
              type="button"
              className="button button-quiet"
              disabled={isBusy}
              onClick={() => {
                onPick(exercise.id, canSuperset && asSuperset);
                setAsSuperset(false);
              }}
            >
              Add {exercise.name}
            </button>{' '}
            <span className={styles.muted}>
              {exercise.muscleGroup} · {exercise.equipment}
            </span>
          </li>
        ))}
        {search.data?.length === 0 && <li className={styles.muted}>No exercise matches.</li>}
      </ul>
    </section>
  );
}
