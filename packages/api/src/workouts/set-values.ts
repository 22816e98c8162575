import { AppError } from '../errors';
import type { SetMeasures } from './inputs';
import { toKg, toMetres, type Units } from './units';

export const MAX_WEIGHT_KG = 1000;
export const MAX_DISTANCE_M = 1_000_000;

export type ExerciseKind = 'WEIGHT_REPS' | 'BODYWEIGHT_REPS' | 'DURATION' | 'DISTANCE_DURATION';

/** A set's columns as stored (kg, metres). */
export type StoredMeasures = {
  type: 'WARMUP' | 'NORMAL' | 'DROP' | 'FAILURE';
  weightKg: number | null;
  reps: number | null;
  rpe: number | null;
  durationSec: number | null;
  distanceM: number | null;
};

/** Which measures each kind of exercise takes, and which of them a set must have. */
const FIELDS: Record<ExerciseKind, { allowed: (keyof SetMeasures)[]; required: (keyof SetMeasures)[] }> = {
  WEIGHT_REPS: { allowed: ['weight', 'reps'], required: ['weight', 'reps'] },
  // Added weight (a vest, a belt) is optional.
  BODYWEIGHT_REPS: { allowed: ['weight', 'reps'], required: ['reps'] },
  DURATION: { allowed: ['durationSec'], required: ['durationSec'] },
  // A run without its time is still a run.
  DISTANCE_DURATION: { allowed: ['distance', 'durationSec'], required: ['distance'] },
};

const MEASURES = ['weight', 'reps', 'durationSec', 'distance'] as const;

/**
 * Turns a set entered in the user's units into stored columns, or refuses it (BAD_REQUEST) when a
 * measure does not fit the exercise's kind, a needed one is missing, or a converted number is over
 * the cap. RPE fits every kind.
 */
export function toStoredMeasures(kind: ExerciseKind, input: SetMeasures, units: Units): StoredMeasures {
  const { allowed, required } = FIELDS[kind];
  for (const field of MEASURES) {
    const value = input[field];
    if (value != null && !allowed.includes(field))
      throw new AppError('BAD_REQUEST', `A ${describe(kind)} set has no ${field}.`);
    if (value == null && required.includes(field))
      throw new AppError('BAD_REQUEST', `A ${describe(kind)} set needs ${field}.`);
  }
  const weightKg = input.weight == null ? null : toKg(input.weight, units.weightUnit);
  if (weightKg != null && weightKg > MAX_WEIGHT_KG)
    throw new AppError('BAD_REQUEST', 'A weight can be at most 1,000 kg (2,204 lb).');
  const distanceM = input.distance == null ? null : toMetres(input.distance, units.distanceUnit);
  if (distanceM != null && distanceM > MAX_DISTANCE_M)
    throw new AppError('BAD_REQUEST', 'A distance can be at most 1,000 km (621 mi).');
  return {
    type: input.type ?? 'NORMAL',
    weightKg,
    reps: input.reps ?? null,
    rpe: input.rpe ?? null,
    durationSec: input.durationSec ?? null,
    distanceM,
  };
}

function describe(kind: ExerciseKind): string {
  return {
    WEIGHT_REPS: 'weight × reps',
    BODYWEIGHT_REPS: 'bodyweight',
    DURATION: 'timed',
    DISTANCE_DURATION: 'distance',
  }[kind];
}
