import type { RouterOutputs } from '@spotter/api';
import styles from '../feed/feed.module.css';

type Workout = RouterOutputs['training']['get']['workouts'][number];
type WorkoutSet = Workout['exercises'][number]['sets'][number];

export type WeightUnit = 'KG' | 'LB';
const KG_PER_LB = 0.45359237;

/** A stored weight (kg) in the reader's unit, to one decimal. */
function weight(kg: number, unit: WeightUnit): string {
  const value = unit === 'LB' ? kg / KG_PER_LB : kg;
  return `${Math.round(value * 10) / 10} ${unit === 'LB' ? 'lb' : 'kg'}`;
}

function describeSet(set: WorkoutSet, unit: WeightUnit): string {
  const parts: string[] = [];
  if (set.weightKg !== null && set.reps !== null) parts.push(`${weight(set.weightKg, unit)} × ${set.reps}`);
  else if (set.reps !== null) parts.push(`${set.reps} reps`);
  if (set.durationSec !== null) parts.push(`${set.durationSec} s`);
  if (set.distanceM !== null) parts.push(`${set.distanceM} m`);
  if (set.type !== 'NORMAL') parts.push(set.type.toLowerCase());
  return parts.join(' · ');
}

/** One member's workout in a session: their exercises and every set, as logged. */
export function MemberWorkout({
  workout,
  isMine,
  unit,
}: {
  workout: Workout;
  isMine: boolean;
  unit: WeightUnit;
}) {
  const name = isMine ? 'Your workout' : `${workout.user.name}’s workout`;
  return (
    <section
      aria-label={name}
      className={styles.card}
      data-testid="member-workout"
      data-user={workout.user.username}
    >
      <h2 className={styles.subtitle}>
        {name}
        {workout.finishedAt && <span className={styles.muted}> · finished</span>}
      </h2>
      {workout.exercises.length === 0 && <p className={styles.muted}>No sets yet.</p>}
      {workout.exercises.map((exercise) => (
        <div key={exercise.id}>
          <h3 className={styles.exercise}>{exercise.exercise.name}</h3>
          <ol className={styles.sets}>
            {exercise.sets.map((set) => (
              <li key={set.id} data-testid="session-set">
                {describeSet(set, unit)}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
