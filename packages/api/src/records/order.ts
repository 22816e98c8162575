import { byKind, type RecordKind } from './math';

type Ordered = { exerciseId: string; kind: RecordKind; weightKg: number | null };

/**
 * A workout's records grouped by exercise in the order the exercises were done (`exerciseIds`, in
 * position order), each exercise's by kind: the summary page and the card read like the workout did.
 */
export function inWorkoutOrder<R extends Ordered>(
  records: readonly R[],
  exerciseIds: readonly string[],
): R[] {
  const position = new Map<string, number>();
  for (const [index, exerciseId] of exerciseIds.entries())
    if (!position.has(exerciseId)) position.set(exerciseId, index);
  return [...records].sort(
    (a, b) => (position.get(a.exerciseId) ?? 0) - (position.get(b.exerciseId) ?? 0) || byKind(a, b),
  );
}
