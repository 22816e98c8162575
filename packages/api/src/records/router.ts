import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { Id } from '../schemas';
import { protectedProcedure } from '../trpc';
import { exerciseHistory, recordsForExercise, statsSummary } from './read';

export const ExerciseRecordsInput = z.object({ exerciseId: Id });
export const ExerciseHistoryInput = z.object({
  exerciseId: Id,
  limit: z.number().int().min(1).max(200).default(50),
});
export type ExerciseHistoryInput = z.infer<typeof ExerciseHistoryInput>;

/** Personal records (set when a workout is finished; see recompute.ts). */
export const recordsRouter = {
  forExercise: protectedProcedure
    .input(ExerciseRecordsInput)
    .query(({ ctx, input }) => recordsForExercise(ctx.prisma, ctx.session.userId, input.exerciseId)),
} satisfies TRPCRouterRecord;

/** Weekly volume and streaks. */
export const statsRouter = {
  summary: protectedProcedure.query(({ ctx }) => statsSummary(ctx.prisma, ctx.session.userId)),
} satisfies TRPCRouterRecord;

export const exerciseHistoryProcedure = protectedProcedure
  .input(ExerciseHistoryInput)
  .query(({ ctx, input }) => exerciseHistory(ctx.prisma, ctx.session.userId, input));
