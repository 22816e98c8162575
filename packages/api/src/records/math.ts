/**
 * Personal-record math, pure: no database, no clock. Weights are kg as stored. Warm-up sets never
 * count, and a set needs at least one rep to count (a missed attempt sets no record).
 */
export type RecordKind = 'HEAVIEST_WEIGHT' | 'BEST_E1RM' | 'MOST_REPS' | 'BEST_SET_VOLUME';

export type SetForRecords = {
  id: string;
  type: 'WARMUP' | 'NORMAL' | 'DROP' | 'FAILURE';
  weightKg: number | null;
  reps: number | null;
};

/** One finished workout's sets of one exercise, in the order they were done. */
export type WorkoutForRecords = { workoutId: string; achievedAt: Date; sets: SetForRecords[] };

export type FoundRecord = {
  workoutId: string;
  setId: string;
  kind: RecordKind;
  value: number;
  /** The set's weight (for MOST_REPS: the weight the reps were done at; null for bodyweight). */
  weightKg: number | null;
  achievedAt: Date;
};

/** Estimated one-rep max by Epley: weight × (1 + reps / 30); a single is its own weight. */
export function e1rm(weightKg: number, reps: number): number {
  if (reps <= 0) return 0;
  if (reps === 1) return weightKg;
  return weightKg * (1 + reps / 30);
}

/** A set counts toward records when it is not a warm-up and has reps. */
export function counts(set: SetForRecords): set is SetForRecords & { reps: number } {
  return set.type !== 'WARMUP' && set.reps != null && set.reps > 0;
}

const KIND_ORDER: RecordKind[] = ['HEAVIEST_WEIGHT', 'BEST_E1RM', 'MOST_REPS', 'BEST_SET_VOLUME'];

/**
 * Records of one exercise in a fixed order, as they are found and shown: by kind, then the heavier
 * weight first (most reps at 100 kg before most reps at 80 kg).
 */
export const byKind = (
  a: { kind: RecordKind; weightKg: number | null },
  b: { kind: RecordKind; weightKg: number | null },
) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (b.weightKg ?? 0) - (a.weightKg ?? 0);

/** Same weight for "most reps at a weight": grams are precise enough, and lb→kg floats compare equal. */
const weightKey = (weightKg: number | null) => `${Math.round((weightKg ?? 0) * 1000)}`;

/** What a counting set scores per kind (MOST_REPS is keyed by its weight); weight kinds need a weight. */
function scores(set: SetForRecords & { reps: number }): { kind: RecordKind; key: string; value: number }[] {
  const found: { kind: RecordKind; key: string; value: number }[] = [
    { kind: 'MOST_REPS', key: `MOST_REPS@${weightKey(set.weightKg)}`, value: set.reps },
  ];
  const weight = set.weightKg ?? 0;
  if (weight > 0) {
    found.push({ kind: 'HEAVIEST_WEIGHT', key: 'HEAVIEST_WEIGHT', value: weight });
    found.push({ kind: 'BEST_E1RM', key: 'BEST_E1RM', value: e1rm(weight, set.reps) });
    found.push({ kind: 'BEST_SET_VOLUME', key: 'BEST_SET_VOLUME', value: weight * set.reps });
  }
  return found;
}

/**
 * Replays one exercise's history (workouts oldest first) and returns every record set: a workout
 * sets a record of a kind when its best set beats everything before it (strictly; a tie is not a
 * record). The first workout with an exercise sets its first records — there is nothing earlier to
 * beat. Within a workout, the first set reaching its best is the record's set.
 */
export function detectRecords(history: readonly WorkoutForRecords[]): FoundRecord[] {
  const best = new Map<string, number>();
  const found: FoundRecord[] = [];
  for (const workout of history) {
    const workoutBest = new Map<string, FoundRecord>();
    for (const set of workout.sets) {
      if (!counts(set)) continue;
      for (const { kind, key, value } of scores(set)) {
        if ((workoutBest.get(key)?.value ?? -1) >= value) continue;
        workoutBest.set(key, {
          workoutId: workout.workoutId,
          setId: set.id,
          kind,
          value,
          weightKg: set.weightKg,
          achievedAt: workout.achievedAt,
        });
      }
    }
    for (const [key, record] of [...workoutBest].sort(([, a], [, b]) => byKind(a, b))) {
      if (record.value <= (best.get(key) ?? 0)) continue;
      best.set(key, record.value);
      found.push(record);
    }
  }
  return found;
}
