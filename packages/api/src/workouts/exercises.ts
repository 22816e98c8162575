import type { Database, Prisma } from '@spotter/db';
import { AppError, isUniqueViolation } from '../errors';
import type { ExerciseKind } from './set-values';

export type ExerciseFilter = {
  query?: string | undefined;
  muscleGroup?: string | undefined;
  equipment?: string | undefined;
  limit: number;
};

const exerciseSelect = {
  id: true,
  name: true,
  muscleGroup: true,
  equipment: true,
  kind: true,
  ownerId: true,
} as const;

/** The library and the caller's own exercises (never another user's), by name, filtered. */
export async function listExercises(prisma: Database, userId: string, filter: ExerciseFilter) {
  const where: Prisma.ExerciseWhereInput = {
    OR: [{ ownerId: null }, { ownerId: userId }],
    ...(filter.query ? { name: { contains: filter.query, mode: 'insensitive' } } : {}),
    ...(filter.muscleGroup ? { muscleGroup: filter.muscleGroup } : {}),
    ...(filter.equipment ? { equipment: filter.equipment } : {}),
  };
  const rows = await prisma.exercise.findMany({
    where,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: filter.limit,
    select: exerciseSelect,
  });
  return rows.map(({ ownerId, ...exercise }) => ({ ...exercise, isOwn: ownerId !== null }));
}

/** The muscle groups and equipment the caller can filter by. */
export async function exerciseFacets(prisma: Database, userId: string) {
  const visible = { OR: [{ ownerId: null }, { ownerId: userId }] };
  const [groups, equipment] = await Promise.all([
    prisma.exercise.findMany({
      where: visible,
      distinct: ['muscleGroup'],
      select: { muscleGroup: true },
      orderBy: { muscleGroup: 'asc' },
    }),
    prisma.exercise.findMany({
      where: visible,
      distinct: ['equipment'],
      select: { equipment: true },
      orderBy: { equipment: 'asc' },
    }),
  ]);
  return { muscleGroups: groups.map((g) => g.muscleGroup), equipment: equipment.map((e) => e.equipment) };
}

export type NewExercise = { name: string; muscleGroup: string; equipment: string; kind: ExerciseKind };

/**
 * Creates the caller's own exercise. Names are unique per user, case aside, and may not copy a
 * library name (the picker would show two "Bench Press"): both are CONFLICT.
 */
export async function createExercise(prisma: Database, userId: string, input: NewExercise) {
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
    return { ...exercise, isOwn: ownerId !== null };
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('CONFLICT', `You already have an exercise called "${input.name}".`);
    throw error;
  }
}
