/** A card lists this many records before it folds the rest behind "Show N more records". */
export const RECORDS_SHOWN = 3;

/**
 * The records a folded card shows: the first record of each exercise first (records come in workout
 * order, an exercise's headline kind first), so a two-exercise day shows both lifts rather than three
 * kinds of one; then the next ones in order. Kept in workout order. Nothing is folded when at most one
 * record would be hidden: "1 more" saves no space.
 */
export function foldRecords<T extends { exerciseName: string }>(
  records: readonly T[],
  shown = RECORDS_SHOWN,
): { visible: T[]; hiddenCount: number } {
  if (records.length <= shown + 1) return { visible: [...records], hiddenCount: 0 };
  const picked = new Set<number>();
  const exercises = new Set<string>();
  records.forEach((record, index) => {
    if (picked.size < shown && !exercises.has(record.exerciseName)) {
      exercises.add(record.exerciseName);
      picked.add(index);
    }
  });
  for (let index = 0; picked.size < shown; index++) picked.add(index);
  return {
    visible: records.filter((_, index) => picked.has(index)),
    hiddenCount: records.length - shown,
  };
}
