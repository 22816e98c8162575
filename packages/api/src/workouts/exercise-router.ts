import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { protectedProcedure } from '../trpc';
import { createExercise, exerciseFacets, listExercises } from './exercises';

const Facet = z.string().trim().min(1).max(40);

export const ListExercisesInput = z.object({
  muscleGroup: Facet.optional(),
  equipment: Facet.optional(),
  limit: z.number().int().min(1).max(200).default(200),
});
export type ListExercisesInput = z.infer<typeof ListExercisesInput>;

export const SearchExercisesInput = ListExercisesInput.extend({
  query: z.string().trim().min(1).max(60),
  limit: z.number().int().min(1).max(50).default(20),
});
export type SearchExercisesInput = z.infer<typeof SearchExercisesInput>;

export const CreateExerciseInput = z.object({
  name: z.string().trim().min(1, 'Name the exercise.').max(60, 'At most 60 characters.'),
  muscleGroup: Facet,
  equipment: Facet,
  kind: z.enum(['WEIGHT_REPS', 'BODYWEIGHT_REPS', 'DURATION', 'DISTANCE_DURATION']),
});
export type CreateExerciseInput = z.infer<typeof CreateExerciseInput>;

/** The exercise library (seeded, ids `lib-<slug>`) plus each user's own exercises. */
export const exerciseRouter = {
  list: protectedProcedure
    .input(ListExercisesInput)
    .query(({ ctx, input }) => listExercises(ctx, ctx.session.userId, input)),
  search: protectedProcedure
    .input(SearchExercisesInput)
    .query(({ ctx, input }) => listExercises(ctx, ctx.session.userId, input)),
  facets: protectedProcedure.query(({ ctx }) => exerciseFacets(ctx, ctx.session.userId)),
  create: protectedProcedure
    .input(CreateExerciseInput)
    .mutation(({ ctx, input }) => createExercise(ctx, ctx.session.userId, input)),
} satisfies TRPCRouterRecord;
