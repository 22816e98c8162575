import type { TRPCRouterRecord } from '@trpc/server';
import { exerciseHistoryProcedure } from '../records/router';
import { protectedProcedure } from '../trpc';
import { addExercise, updateExercise } from './entries';
import {
  AddExerciseInput,
  HistoryInput,
  LogSetInput,
  SetIdInput,
  StartWorkoutInput,
  UpdateExerciseInput,
  UpdateSetInput,
  UpdateWorkoutInput,
  WorkoutIdInput,
} from './inputs';
import { deleteWorkout, discardWorkout, finishWorkout, updateWorkout } from './lifecycle';
import { activeWorkout, getWorkout, workoutHistory } from './read';
import { deleteSet, logSet, updateSet } from './sets';
import { startWorkout } from './start';

/**
 * Logging workouts. Weights and distances go in in the caller's units (me.units) and come back as
 * stored (kg, metres). Everything on another user's workout is NOT_FOUND, as if it did not exist.
 */
export const workoutRouter = {
  start: protectedProcedure
    .input(StartWorkoutInput)
    .mutation(({ ctx, input }) => startWorkout(ctx, ctx.session.userId, input)),
  addExercise: protectedProcedure
    .input(AddExerciseInput)
    .mutation(({ ctx, input }) => addExercise(ctx, ctx.session.userId, input)),
  updateExercise: protectedProcedure
    .input(UpdateExerciseInput)
    .mutation(({ ctx, input }) => updateExercise(ctx, ctx.session.userId, input)),
  logSet: protectedProcedure
    .input(LogSetInput)
    .mutation(({ ctx, input }) => logSet(ctx, ctx.session.userId, input)),
  updateSet: protectedProcedure
    .input(UpdateSetInput)
    .mutation(({ ctx, input }) => updateSet(ctx, ctx.session.userId, input)),
  deleteSet: protectedProcedure
    .input(SetIdInput)
    .mutation(({ ctx, input }) => deleteSet(ctx, ctx.session.userId, input)),
  update: protectedProcedure
    .input(UpdateWorkoutInput)
    .mutation(({ ctx, input }) => updateWorkout(ctx, ctx.session.userId, input)),
  finish: protectedProcedure
    .input(WorkoutIdInput)
    .mutation(({ ctx, input }) => finishWorkout(ctx, ctx.session.userId, input)),
  discard: protectedProcedure
    .input(WorkoutIdInput)
    .mutation(({ ctx, input }) => discardWorkout(ctx, ctx.session.userId, input)),
  delete: protectedProcedure
    .input(WorkoutIdInput)
    .mutation(({ ctx, input }) => deleteWorkout(ctx, ctx.session.userId, input)),
  get: protectedProcedure
    .input(WorkoutIdInput)
    .query(({ ctx, input }) => getWorkout(ctx.prisma, ctx.session.userId, input.workoutId)),
  active: protectedProcedure.query(({ ctx }) => activeWorkout(ctx, ctx.session.userId)),
  history: protectedProcedure
    .input(HistoryInput)
    .query(({ ctx, input }) => workoutHistory(ctx.prisma, ctx.session.userId, input)),
  /** One exercise across the caller's finished workouts, with each workout's best e1RM. */
  exerciseHistory: exerciseHistoryProcedure,
} satisfies TRPCRouterRecord;
