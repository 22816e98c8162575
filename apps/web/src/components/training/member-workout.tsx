import type { RouterOutputs } from '@spotter/api';
import styles from '../feed/feed.module.css';

type Workout = RouterOutputs['training']['get']['workouts'][number];
type WorkoutSet = Workout['exercises'][number]['sets'][number];

function describeSet(set: WorkoutSet): string {
  const parts: string[] = [];
  if (set.weightKg !== null && set.reps !== null) parts.push(`${set.weightKg} kg × ${set.reps}`);
  else if (set.reps !== null) parts.push(`${set.reps} reps`);
  if (set.durationSec !== null) parts.push(`${set.durationSec} s`);
  if (set.distanceM !== null) parts.push(`${set.distanceM} m`);
  if (set.type !== 'NORMAL') parts.push(set.type.toLowerCase());
  return parts.join(' · ');
}

/** One member's workout in a session: their exercises and every set, as logged. */
export function MemberWorkout({ workout, isMine }: { workout: Workout; isMine: boolean }) {
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
                {describeSet(set)}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
