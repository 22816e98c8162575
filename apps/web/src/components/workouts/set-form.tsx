'use client';

import { type FormEvent, useState } from 'react';
import { SET_TYPE_NAMES, type Units } from './format';
import styles from './workouts.module.css';

type Kind = 'WEIGHT_REPS' | 'BODYWEIGHT_REPS' | 'DURATION' | 'DISTANCE_DURATION';
type SetType = keyof typeof SET_TYPE_NAMES;
export type SetEntry = {
  type: SetType;
  weight?: number;
  reps?: number;
  rpe?: number;
  durationSec?: number;
  distance?: number;
};

const num = (value: string) => (value.trim() === '' ? undefined : Number(value));

/**
 * The quick "log a set" row: only the measures the exercise's kind takes, in the user's units. The
 * last values stay filled in, so the next set of the same weight is one click.
 */
export function SetForm({
  kind,
  units,
  name,
  onLog,
  isBusy,
}: {
  kind: Kind;
  units: Units;
  name: string;
  onLog: (set: SetEntry) => void;
  isBusy: boolean;
}) {
  const [values, setValues] = useState({
    type: 'NORMAL' as SetType,
    weight: '',
    reps: '',
    rpe: '',
    duration: '',
    distance: '',
  });
  const field = (key: keyof typeof values) => ({
    value: values[key],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value })),
  });
  const takesWeight = kind === 'WEIGHT_REPS' || kind === 'BODYWEIGHT_REPS';
  const weightLabel =
    kind === 'BODYWEIGHT_REPS'
      ? `Added weight (${units.weightUnit.toLowerCase()})`
      : `Weight (${units.weightUnit.toLowerCase()})`;

  function submit(event: FormEvent) {
    event.preventDefault();
    const minutes = num(values.duration);
    onLog({
      type: values.type,
      weight: takesWeight ? num(values.weight) : undefined,
      reps: takesWeight ? num(values.reps) : undefined,
      rpe: num(values.rpe),
      durationSec:
        kind === 'DURATION' || kind === 'DISTANCE_DURATION'
          ? minutes === undefined
            ? undefined
            : Math.round(minutes * 60)
          : undefined,
      distance: kind === 'DISTANCE_DURATION' ? num(values.distance) : undefined,
    });
  }

  return (
    <form className={styles.row} onSubmit={submit} aria-label={`Log a set of ${name}`}>
      <label>
        Set type
        <select {...field('type')}>
          {Object.entries(SET_TYPE_NAMES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {takesWeight && (
        <>
          <NumberField label={weightLabel} {...field('weight')} />
          <NumberField label="Reps" wholeNumbers {...field('reps')} />
        </>
      )}
      {kind === 'DISTANCE_DURATION' && (
        <NumberField label={`Distance (${units.distanceUnit.toLowerCase()})`} {...field('distance')} />
      )}
      {(kind === 'DURATION' || kind === 'DISTANCE_DURATION') && (
        <NumberField label="Minutes" {...field('duration')} />
      )}
      <label>
        RPE
        <input className={styles.narrow} type="number" min={1} max={10} step={0.5} {...field('rpe')} />
      </label>
      <button type="submit" className="button" disabled={isBusy}>
        Log set
      </button>
    </form>
  );
}

/** A measure of a set: a number of at least 0, with the phone keyboard that fits it. */
function NumberField({
  label,
  wholeNumbers = false,
  value,
  onChange,
}: {
  label: string;
  wholeNumbers?: boolean;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
}) {
  return (
    <label>
      {label}
      <input
        className={styles.narrow}
        type="number"
        inputMode={wholeNumbers ? 'numeric' : 'decimal'}
        step={wholeNumbers ? 1 : 'any'}
        min={0}
        value={value}
        onChange={onChange}
      />
    </label>
  );
}
