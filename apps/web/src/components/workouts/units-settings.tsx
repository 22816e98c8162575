'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import type { Units } from './format';
import styles from './workouts.module.css';

/** kg or lb, km or mi: how this user enters and reads workouts (they are stored in kg and metres). */
export function UnitsSettings({ initial }: { initial: Units }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [units, setUnits] = useState(initial);
  const save = useMutation(
    trpc.me.setUnits.mutationOptions({
      onSuccess: (saved) => {
        setUnits(saved);
        // Cards and the training view read them from this cache (useUnits), kept without refetching.
        queryClient.setQueryData(trpc.me.units.queryKey(), saved);
      },
    }),
  );
  return (
    <section className={styles.card} aria-labelledby="units-heading">
      <h2 id="units-heading" className={styles.heading}>
        Workout units
      </h2>
      <div className={styles.row}>
        <label>
          Weight
          <select
            value={units.weightUnit}
            onChange={(e) => save.mutate({ weightUnit: e.target.value as Units['weightUnit'] })}
          >
            <option value="KG">Kilograms (kg)</option>
            <option value="LB">Pounds (lb)</option>
          </select>
        </label>
        <label>
          Distance
          <select
            value={units.distanceUnit}
            onChange={(e) => save.mutate({ distanceUnit: e.target.value as Units['distanceUnit'] })}
          >
            <option value="KM">Kilometres (km)</option>
            <option value="MI">Miles (mi)</option>
          </select>
        </label>
        {save.isSuccess && <span role="status">Saved.</span>}
      </div>
      {save.error && (
        <p className="error" role="alert">
          {describeError(save.error)}
        </p>
      )}
    </section>
  );
}
