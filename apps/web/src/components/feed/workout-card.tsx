import type { WorkoutCard as Card } from '@spotter/api';
import Link from 'next/link';
import { type ReactNode, useId, useState } from 'react';
import { formatDistance, formatWeight, type Units } from '../workouts/format';
import { useUnits } from '../workouts/use-units';
import { durationText, recordText } from './card-text';
import styles from './feed.module.css';
import { foldRecords } from './record-fold';

/**
 * A workout's summary and records: a shared message's card and a feed entry, its weights in the
 * reader's units. `links` links the title to the workout's page and the name to the owner's profile,
 * where the reader may open them (see SharedWorkoutCard for a conversation's cards).
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
  const units = useUnits();
  const title = card.title || 'Workout';
  // A comparison, not a truthiness test: a card cached before cards carried distance has none.
  const hasDistance = card.distanceM > 0;
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
          <dd>{durationText(card.durationSec)}</dd>
        </div>
        <div>
          <dt>Exercises</dt>
          <dd>{card.exerciseCount}</dd>
        </div>
        {hasDistance && (
          <div>
            <dt>Distance</dt>
            <dd>{formatDistance(card.distanceM, units)}</dd>
          </div>
        )}
        {/* A run's card shows its distance, not "0 kg"; a lifting day (or a mixed one) its volume. */}
        {(card.volumeKg > 0 || !hasDistance) && (
          <div>
            <dt>Volume</dt>
            <dd>{formatWeight(card.volumeKg, units)}</dd>
          </div>
        )}
      </dl>
      <RecordList records={card.records} units={units} />
      {children}
    </article>
  );
}

/**
 * A card's personal records. A first workout can set a dozen (every kind for every exercise), so a
 * long list folds to a few headline ones and "Show N more records", as Hevy and Strava fold theirs.
 */
function RecordList({ records, units }: { records: Card['records']; units: Units }) {
  const [isOpen, setOpen] = useState(false);
  const listId = useId();
  if (records.length === 0) return null;
  const fold = foldRecords(records);
  const shown = isOpen ? records : fold.visible;
  return (
    <>
      <ul id={listId} className={styles.records} aria-label="Personal records">
        {shown.map((record) => (
          <li key={`${record.exerciseName}-${record.kind}-${record.value}`} data-testid="workout-record">
            PR · {recordText(record, units)}
          </li>
        ))}
      </ul>
      {fold.hiddenCount > 0 && (
        <button
          type="button"
          className={styles.moreRecords}
          aria-expanded={isOpen}
          aria-controls={listId}
          onClick={() => setOpen(!isOpen)}
        >
          {isOpen ? 'Show fewer records' : `Show ${fold.hiddenCount} more records`}
        </button>
      )}
    </>
  );
}
