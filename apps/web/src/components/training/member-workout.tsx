import type { RouterOutputs } from '@spotter/api';
import styles from '../feed/feed.module.css';
import { describeTypedSet, type Units } from '../workouts/format';

type Workout = RouterOutputs['training']['get']['workouts'][number];

/** One member's workout in a session: their exercises and every set, as logged. */
export function MemberWorkout({
  workout,
  isMine,
  units,
}: {
  workout: Workout;
  isMine: boolean;
  units: Units;
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
                {describeTypedSet(set, units)}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
