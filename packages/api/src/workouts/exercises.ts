import type { Database } from '@spotter/db';
import type { Cache } from '../cache/types';
import { AppError, isUniqueViolation } from '../errors';
import { exerciseSelect, invalidateOwnExercises, visibleExercises } from './cached-exercises';
import type { ExerciseKind } from './set-values';

export type ExerciseFilter = {
  query?: string | undefined;
  muscleGroup?: string | undefined;
  equipment?: string | undefined;
  limit: number;
};

type Deps = { prisma: Database; cache: Cache };

/** The library and the caller's own exercises (never another user's), by name, filtered. */
export async function listExercises(deps: Deps, userId: string, filter: ExerciseFilter) {
  const query = filter.query?.toLowerCase();
  return (await visibleExercises(deps, userId))
    .filter(
      (e) =>
        (!query || e.name.toLowerCase().includes(query)) &&
        (!filter.muscleGroup || e.muscleGroup === filter.muscleGroup) &&
        (!filter.equipment || e.equipment === filter.equipment),
    )
    .slice(0, filter.limit)
    .map(({ ownerId, ...exercise }) => ({ ...exercise, isOwn: ownerId !== null }));
}

/** The muscle groups and equipment the caller can filter by. */
export async function exerciseFacets(deps: Deps, userId: string) {
  const visible = await visibleExercises(deps, userId);
  const sorted = (values: string[]) => [...new Set(values)].sort();
  return {
    muscleGroups: sorted(visible.map((e) => e.muscleGroup)),
    equipment: sorted(visible.map((e) => e.equipment)),
  };
}

export type NewExercise = { name: string; muscleGroup: string; equipment: string; kind: ExerciseKind };

/**
 * Creates the caller's own exercise. Names are unique per user, case aside, and may not copy a
 * library name (the picker would show two "Bench Press"): both are CONFLICT.
 */
export async function createExercise(deps: Deps, userId: string, input: NewExercise) {
  const { prisma } = deps;
  const clash = await prisma.exercise.findFirst({
    where: {
      name: { equals: input.name, mode: 'insensitive' },
      OR: [{ ownerId: null }, { ownerId: userId }],
    },
    select: { id: true },
  });
  if (clash) throw new AppError('CONFLICT', `You already have an exercise called "${input.name}".`);
  try {
    const { ownerId, ...exercise } = await prisma.exercise.create({
      data: { ...input, ownerId: userId },
      select: exerciseSelect,
    });
    await invalidateOwnExercises(deps.cache, userId);
    return { ...exercise, isOwn: ownerId !== null };
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('CONFLICT', `You already have an exercise called "${input.name}".`);
    throw error;
  }
}
