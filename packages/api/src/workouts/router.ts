import type { TRPCRouterRecord } from '@trpc/server';
import { exerciseHistoryProcedure } from '../records/router';
import { protectedProcedure } from '../trpc';
import { invalidateWorkoutsOf } from './cached-workout';
import { addExercise, updateExercise } from './entries';
import {
  AddExerciseInput,
  HistoryInput,
  LastSetsInput,
  LogSetInput,
  SetIdInput,
  StartWorkoutInput,
  UpdateExerciseInput,
  UpdateSetInput,
  UpdateWorkoutInput,
  WorkoutIdInput,
} from './inputs';
import { lastSets } from './last-sets';
import { deleteWorkout, discardWorkout, finishWorkout, updateWorkout } from './lifecycle';
import { activeWorkout, getWorkout, workoutHistory } from './read';
import { deleteSet, logSet, updateSet } from './sets';
import { startWorkout } from './start';

/**
 * A change to any of the caller's workouts invalidates the cached summaries of all of them (finishing,
 * editing or deleting one replays the records others show), after the change and before the answer,
 * so no replica serves the old summary once the caller has heard back. Failed calls invalidate too:
 * harmless, and it keeps this one rule free of exceptions.
 */
const workoutChange = protectedProcedure.use(async ({ ctx, next }) => {
  const result = await next();
  await invalidateWorkoutsOf(ctx.cache, ctx.session.userId);
  return result;
});

/**
 * Logging workouts. Weights and distances go in in the caller's units (me.units) and come back as
 * stored (kg, metres). Everything on another user's workout is NOT_FOUND, as if it did not exist.
 */
export const workoutRouter = {
  start: workoutChange
    .input(StartWorkoutInput)
    .mutation(({ ctx, input }) => startWorkout(ctx, ctx.session.userId, input)),
  addExercise: workoutChange
    .input(AddExerciseInput)
    .mutation(({ ctx, input }) => addExercise(ctx, ctx.session.userId, input)),
  updateExercise: workoutChange
    .input(UpdateExerciseInput)
    .mutation(({ ctx, input }) => updateExercise(ctx, ctx.session.userId, input)),
  logSet: workoutChange
    .input(LogSetInput)
    .mutation(({ ctx, input }) => logSet(ctx, ctx.session.userId, input)),
  updateSet: workoutChange
    .input(UpdateSetInput)
    .mutation(({ ctx, input }) => updateSet(ctx, ctx.session.userId, input)),
  deleteSet: workoutChange
    .input(SetIdInput)
    .mutation(({ ctx, input }) => deleteSet(ctx, ctx.session.userId, input)),
  update: workoutChange
    .input(UpdateWorkoutInput)
    .mutation(({ ctx, input }) => updateWorkout(ctx, ctx.session.userId, input)),
  finish: workoutChange
    .input(WorkoutIdInput)
    .mutation(({ ctx, input }) => finishWorkout(ctx, ctx.session.userId, input)),
  discard: workoutChange
    .input(WorkoutIdInput)
    .mutation(({ ctx, input }) => discardWorkout(ctx, ctx.session.userId, input)),
  delete: workoutChange
    .input(WorkoutIdInput)
    .mutation(({ ctx, input }) => deleteWorkout(ctx, ctx.session.userId, input)),
  get: protectedProcedure
    .input(WorkoutIdInput)
    .query(({ ctx, input }) => getWorkout(ctx, ctx.session.userId, input.workoutId)),
  active: protectedProcedure.query(({ ctx }) => activeWorkout(ctx, ctx.session.userId)),
  history: protectedProcedure
    .input(HistoryInput)
    .query(({ ctx, input }) => workoutHistory(ctx.prisma, ctx.session.userId, input)),
  /** Each exercise's sets the last time the caller did it (the logger's "Last time" line). */
  lastSets: protectedProcedure
    .input(LastSetsInput)
    .query(({ ctx, input }) => lastSets(ctx.prisma, ctx.session.userId, input)),
  /** One exercise across the caller's finished workouts, with each workout's best e1RM. */
  exerciseHistory: exerciseHistoryProcedure,
} satisfies TRPCRouterRecord;
