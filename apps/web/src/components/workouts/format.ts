import { fromKg, fromMetres, roundForDisplay, type Units } from '@spotter/api/units';

export type { Units };

/** A stored set (kg, metres) as this user reads it, e.g. "225 lb × 5 @ RPE 8". Rounded for display only. */
export function describeSet(
  set: {
    weightKg: number | null;
    reps: number | null;
    rpe: number | null;
    durationSec: number | null;
    distanceM: number | null;
  },
  units: Units,
): string {
  const parts: string[] = [];
  if (set.distanceM != null) parts.push(formatDistance(set.distanceM, units));
  if (set.weightKg != null && set.weightKg > 0 && set.reps != null)
    parts.push(`${formatWeight(set.weightKg, units)} × ${set.reps}`);
  else if (set.reps != null) parts.push(`${set.reps} reps`);
  if (set.durationSec != null) parts.push(formatDuration(set.durationSec));
  if (set.rpe != null) parts.push(`@ RPE ${set.rpe}`);
  return parts.join(' ');
}

/** describeSet with the set's type when it is not a normal one, as a session shows it: "60 kg × 8 · warmup". */
export function describeTypedSet(
  set: Parameters<typeof describeSet>[0] & { type: string },
  units: Units,
): string {
  const text = describeSet(set, units);
  return set.type === 'NORMAL' ? text : `${text} · ${set.type.toLowerCase()}`;
}

export function formatWeight(kg: number, units: Units): string {
  return `${roundForDisplay(fromKg(kg, units.weightUnit), 1)} ${units.weightUnit.toLowerCase()}`;
}

export function formatDistance(metres: number, units: Units): string {
  return `${roundForDisplay(fromMetres(metres, units.distanceUnit), 2)} ${units.distanceUnit.toLowerCase()}`;
}

export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

const RECORD_NAMES = {
  HEAVIEST_WEIGHT: 'Heaviest weight',
  BEST_E1RM: 'Best estimated 1RM',
  MOST_REPS: 'Most reps',
  BEST_SET_VOLUME: 'Best set volume',
} as const;

/** A personal record in words: "Best estimated 1RM: 126.7 kg", "Most reps at 100 kg: 8". */
export function describeRecord(
  record: { kind: keyof typeof RECORD_NAMES; value: number; weightKg: number | null },
  units: Units,
): string {
  if (record.kind === 'MOST_REPS') {
    const at = record.weightKg ? ` at ${formatWeight(record.weightKg, units)}` : '';
    return `${RECORD_NAMES.MOST_REPS}${at}: ${record.value}`;
  }
  if (record.kind === 'BEST_SET_VOLUME')
    return `${RECORD_NAMES.BEST_SET_VOLUME}: ${formatWeight(record.value, units)}`;
  return `${RECORD_NAMES[record.kind]}: ${formatWeight(record.value, units)}`;
}

export const SET_TYPE_NAMES = {
  WARMUP: 'Warm-up',
  NORMAL: 'Normal',
  DROP: 'Drop',
  FAILURE: 'Failure',
} as const;
