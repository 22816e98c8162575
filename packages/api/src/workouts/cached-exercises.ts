import type { Database } from '@spotter/db';
import type { Cache } from '../cache/types';

type Deps = { prisma: Database; cache: Cache };

export const exerciseSelect = {
  id: true,
  name: true,
  muscleGroup: true,
  equipment: true,
  kind: true,
  ownerId: true,
} as const;

const byName = { orderBy: [{ name: 'asc' as const }, { id: 'asc' as const }] };
const LIBRARY = 'library';
const ownKey = (userId: string) => `own:${userId}`;

/**
 * Every exercise the user may pick, by name: the seeded library (the same for everyone, changed
 * only by migrations) and their own. Two entries, so a new exercise of one user reloads only theirs.
 * Filtering happens in memory: the library is about a hundred rows.
 */
export async function visibleExercises({ prisma, cache }: Deps, userId: string) {
  const [library, own] = await Promise.all([
    cache.get('exercise', LIBRARY, () =>
      prisma.exercise.findMany({ where: { ownerId: null }, ...byName, select: exerciseSelect }),
    ),
    cache.get('exercise', ownKey(userId), () =>
      prisma.exercise.findMany({ where: { ownerId: userId }, ...byName, select: exerciseSelect }),
    ),
  ]);
  return [...(library ?? []), ...(own ?? [])].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

/** Call after the user's own exercises change, before answering. */
export function invalidateOwnExercises(cache: Cache, userId: string): Promise<void> {
  return cache.invalidate('exercise', [ownKey(userId)]);
}
