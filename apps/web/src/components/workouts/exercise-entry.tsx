'use client';

import type { RouterOutputs } from '@spotter/api';
import { describeSet, describeTypedSet, SET_TYPE_NAMES, type Units } from './format';
import { type SetEntry, SetForm } from './set-form';
import type { LastSets } from './use-last-sets';
import styles from './workouts.module.css';

export type Entry = NonNullable<RouterOutputs['workout']['active']>['exercises'][number];

type Props = {
  entry: Entry;
  /** This exercise's sets the last time it was done; undefined for a first time (or until loaded). */
  lastTime?: LastSets | undefined;
  units: Units;
  isBusy: boolean;
  onLog: (set: SetEntry) => void;
  onDeleteSet: (setId: string) => void;
};

/** One exercise of the active workout: its sets so far and the form for the next one. */
export function ExerciseEntry({ entry, lastTime, units, isBusy, onLog, onDeleteSet }: Props) {
  const headingId = `entry-${entry.id}`;
  return (
    <section
      className={`${styles.card} ${entry.supersetGroup ? styles.superset : ''}`}
      aria-labelledby={headingId}
      data-testid="workout-exercise"
    >
      <h3 id={headingId} className={styles.heading}>
        {entry.name}
        {entry.supersetGroup && <span className={styles.badge}>Superset {entry.supersetGroup}</span>}
      </h3>
      {entry.notes && <p className={styles.muted}>{entry.notes}</p>}
      {lastTime && <LastTime lastTime={lastTime} units={units} />}
      {entry.sets.length > 0 && (
        <ol className={styles.sets} aria-label={`Sets of ${entry.name}`}>
          {entry.sets.map((set) => (
            <li key={set.id} className={styles.set}>
              <span>
                {set.type !== 'NORMAL' && `${SET_TYPE_NAMES[set.type]}: `}
                {describeSet(set, units)}
              </span>
              <button
                type="button"
                className="button button-quiet"
                aria-label={`Delete set ${set.position} of ${entry.name}`}
                disabled={isBusy}
                onClick={() => onDeleteSet(set.id)}
              >
                ✕
              </button>
            </li>
          ))}
        </ol>
      )}
      <SetForm kind={entry.kind} units={units} name={entry.name} isBusy={isBusy} onLog={onLog} />
    </section>
  );
}

/** "Last time (28 Nov): 100 kg × 5, 100 kg × 5, 105 kg × 3": what to beat, as Strong and Hevy show it. */
function LastTime({ lastTime, units }: { lastTime: LastSets; units: Units }) {
  const day = lastTime.startedAt.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
  return (
    <p className={styles.muted} data-testid="last-time">
      Last time ({day}): {lastTime.sets.map((set) => describeTypedSet(set, units)).join(', ')}
    </p>
  );
}
