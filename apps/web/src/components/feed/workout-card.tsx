import type { WorkoutCard as Card } from '@spotter/api';
import Link from 'next/link';
import type { ReactNode } from 'react';
import styles from './feed.module.css';

const RECORD_NAMES: Record<Card['records'][number]['kind'], string> = {
  HEAVIEST_WEIGHT: 'Heaviest weight',
  BEST_E1RM: 'Best est. 1RM',
  MOST_REPS: 'Most reps',
  BEST_SET_VOLUME: 'Best set volume',
};

function duration(seconds: number | null): string {
  if (seconds === null) return 'in progress';
  const minutes = Math.round(seconds / 60);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
}

function recordValue(record: Card['records'][number]): string {
  if (record.kind === 'MOST_REPS')
    return `${record.value} reps${record.weightKg ? ` at ${record.weightKg} kg` : ''}`;
  return `${Math.round(record.value * 10) / 10} kg`;
}

/**
 * A workout's summary and records: a shared message's card and a feed entry. `links` links the
 * title to the workout's page and the name to the owner's profile, where the reader may open them
 * (see SharedWorkoutCard for a conversation's cards).
 */
export function WorkoutCard({
  card,
  links = { workout: false, owner: false },
  children,
}: {
  card: Card;
  links?: { workout: boolean; owner: boolean };
  children?: ReactNode;
}) {
  const title = card.title || 'Workout';
  return (
    <article className={styles.card} data-testid="workout-card" aria-label={`Workout: ${title}`}>
      <header className={styles.cardHeader}>
        <strong>{links.workout ? <Link href={`/workouts/${card.id}`}>{title}</Link> : title}</strong>
        <span className={styles.muted}>
          {' by '}
          {links.owner ? <Link href={`/u/${card.owner.username}`}>{card.owner.name}</Link> : card.owner.name}
        </span>
      </header>
      <dl className={styles.stats}>
        <div>
          <dt>Duration</dt>
          <dd>{duration(card.durationSec)}</dd>
        </div>
        <div>
          <dt>Exercises</dt>
          <dd>{card.exerciseCount}</dd>
        </div>
        <div>
          <dt>Volume</dt>
          <dd>{card.volumeKg} kg</dd>
        </div>
      </dl>
      {card.records.length > 0 && (
        <ul className={styles.records} aria-label="Personal records">
          {card.records.map((record) => (
            <li key={`${record.exerciseName}-${record.kind}-${record.value}`} data-testid="workout-record">
              PR · {record.exerciseName}: {RECORD_NAMES[record.kind]} {recordValue(record)}
            </li>
          ))}
        </ul>
      )}
      {children}
    </article>
  );
}
