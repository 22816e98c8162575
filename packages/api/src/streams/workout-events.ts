import { z } from 'zod';

/**
 * Events of a live training session's stream (`session:<id>`): each member's workout changes, as
 * stored (kilograms, metres), so every member's screen converts them to its own units. Appended in
 * the transaction of the change (see workouts/session-events.ts), like message events.
 */

/** Dates inside stored event data come back from JSON as strings. */
const storedDate = z.coerce.date();

export const SetType = z.enum(['WARMUP', 'NORMAL', 'DROP', 'FAILURE']);

/** One set as stored: weights in kg, distances in metres; measures the exercise's kind lacks are null. */
export const WorkoutSetView = z.object({
  id: z.string(),
  workoutExerciseId: z.string(),
  position: z.number().int(),
  type: SetType,
  weightKg: z.number().nullable(),
  reps: z.number().int().nullable(),
  rpe: z.number().nullable(),
  durationSec: z.number().int().nullable(),
  distanceM: z.number().nullable(),
  loggedAt: storedDate,
});
export type WorkoutSetView = z.infer<typeof WorkoutSetView>;

export const ExerciseKind = z.enum(['WEIGHT_REPS', 'BODYWEIGHT_REPS', 'DURATION', 'DISTANCE_DURATION']);

/** An exercise within a workout (without its sets). */
export const WorkoutExerciseView = z.object({
  id: z.string(),
  exerciseId: z.string(),
  name: z.string(),
  kind: ExerciseKind,
  position: z.number().int(),
  supersetGroup: z.number().int().nullable(),
  notes: z.string(),
  restSeconds: z.number().int().nullable(),
});
export type WorkoutExerciseView = z.infer<typeof WorkoutExerciseView>;

const seq = z.number().int().positive();
/** Who changed which workout: every session event names both. */
const by = { userId: z.string(), workoutId: z.string() };

export const workoutStreamEvents = [
  z.object({ type: z.literal('workout.started'), seq, ...by, startedAt: storedDate, title: z.string() }),
  z.object({ type: z.literal('workout.exercise.added'), seq, ...by, exercise: WorkoutExerciseView }),
  z.object({
    type: z.literal('workout.set.logged'),
    seq,
    ...by,
    exerciseId: z.string(),
    set: WorkoutSetView,
  }),
  z.object({
    type: z.literal('workout.set.updated'),
    seq,
    ...by,
    exerciseId: z.string(),
    set: WorkoutSetView,
  }),
  z.object({
    type: z.literal('workout.set.deleted'),
    seq,
    ...by,
    exerciseId: z.string(),
    workoutExerciseId: z.string(),
    setId: z.string(),
  }),
  z.object({
    type: z.literal('workout.finished'),
    seq,
    ...by,
    finishedAt: storedDate,
    autoClosed: z.boolean(),
  }),
  // An active workout discarded: its sets are gone, so screens drop them.
  z.object({ type: z.literal('workout.discarded'), seq, ...by }),
] as const;
