'use client';

import type { RouterOutputs } from '@spotter/api';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/trpc/react';

export type LastSets = RouterOutputs['workout']['lastSets'][number];

/**
 * The sets of each of these exercises the last time the signed-in user did them, by exercise id.
 * Asked when the logger opens and when an exercise is added; not on focus: nothing logged in the
 * active workout changes it (only finished workouts count).
 */
export function useLastSets(exerciseIds: string[]): Map<string, LastSets> {
  const trpc = useTRPC();
  const ids = [...new Set(exerciseIds)].sort();
  const { data } = useQuery({
    ...trpc.workout.lastSets.queryOptions({ exerciseIds: ids }),
    enabled: ids.length > 0,
    refetchOnWindowFocus: false,
    select: (found) => new Map(found.map((last) => [last.exerciseId, last])),
  });
  return data ?? new Map();
}
