import type { WorkoutCard } from '@spotter/api';
import { formatWeight, type Units } from '../workouts/format';

type CardRecord = WorkoutCard['records'][number];

const RECORD_NAMES: Record<CardRecord['kind'], string> = {
  HEAVIEST_WEIGHT: 'Heaviest weight',
  BEST_E1RM: 'Best est. 1RM',
  MOST_REPS: 'Most reps',
  BEST_SET_VOLUME: 'Best set volume',
};

/**
 * One record on a card in the reader's units (cards carry kg, as stored): "Bench Press: Heaviest
 * weight 225 lb", "Bench Press: Most reps 8 reps at 100 kg".
 */
export function recordText(record: CardRecord, units: Units): string {
  const value =
    record.kind === 'MOST_REPS'
      ? `${record.value} reps${record.weightKg ? ` at ${formatWeight(record.weightKg, units)}` : ''}`
      : formatWeight(record.value, units);
  return `${record.exerciseName}: ${RECORD_NAMES[record.kind]} ${value}`;
}

/** A card's duration: "45 min", "1 h 5 min", or "in progress" while it runs. */
export function durationText(seconds: number | null): string {
  if (seconds === null) return 'in progress';
  const minutes = Math.round(seconds / 60);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
}
