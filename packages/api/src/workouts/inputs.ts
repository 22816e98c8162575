import { z } from 'zod';
import { Id } from '../schemas';

/**
 * Input of the workout procedures. Weights and distances arrive in the user's own units; the caps
 * here are the loosest over every unit (2,205 lb ≈ 1,000 kg; 1,000 km > 621 mi) and the service
 * checks the exact cap after converting (set-values.ts), so a bad number is refused either way.
 */
export const NOTES_MAX = 2000;
export const TITLE_MAX = 120;

export const Notes = z.string().max(NOTES_MAX, `Notes can be at most ${NOTES_MAX} characters.`);
export const Title = z.string().trim().max(TITLE_MAX, `A title can be at most ${TITLE_MAX} characters.`);
export const Visibility = z.enum(['PRIVATE', 'FRIENDS', 'PUBLIC']);

export const StartWorkoutInput = z.object({
  title: Title.optional(),
  visibility: Visibility.optional(),
  /** A live training session the caller has joined: the workout's changes go to its stream. */
  sessionId: Id.optional(),
  /**
   * Start with the exercises of this workout (one's own, or one the caller may see): "repeat" or
   * "do this workout". Its title too, unless `title` is given.
   */
  fromWorkoutId: Id.optional(),
});
export type StartWorkoutInput = z.infer<typeof StartWorkoutInput>;

export const AddExerciseInput = z.object({
  workoutId: Id,
  exerciseId: Id,
  /** Exercises sharing a group number (within the workout) are a superset. */
  supersetGroup: z.number().int().min(1).max(100).nullish(),
  notes: Notes.optional(),
  /** The rest timer after each set of it. */
  restSeconds: z.number().int().min(0).max(3600).nullish(),
});
export type AddExerciseInput = z.infer<typeof AddExerciseInput>;

export const UpdateExerciseInput = z.object({
  workoutExerciseId: Id,
  supersetGroup: z.number().int().min(1).max(100).nullish(),
  notes: Notes.optional(),
  restSeconds: z.number().int().min(0).max(3600).nullish(),
});
export type UpdateExerciseInput = z.infer<typeof UpdateExerciseInput>;

/** A set's measures, in the user's units. Which ones it must have depends on the exercise's kind. */
export const SetMeasures = z.object({
  type: z.enum(['WARMUP', 'NORMAL', 'DROP', 'FAILURE']).optional(),
  /** In the user's weight unit (kg or lb). */
  weight: z.number().nonnegative('A weight cannot be negative.').max(2205).nullish(),
  reps: z.number().int().nonnegative('Reps cannot be negative.').max(1000, 'At most 1,000 reps.').nullish(),
  /** Rate of perceived exertion, 1 (easy) to 10 (nothing left). */
  rpe: z.number().min(1, 'RPE is 1 to 10.').max(10, 'RPE is 1 to 10.').nullish(),
  durationSec: z.number().int().nonnegative().max(86_400, 'A set lasts at most 24 hours.').nullish(),
  /** In the user's distance unit (km or mi). */
  distance: z.number().nonnegative('A distance cannot be negative.').max(1000).nullish(),
});
export type SetMeasures = z.infer<typeof SetMeasures>;

export const LogSetInput = SetMeasures.extend({ workoutExerciseId: Id });
export type LogSetInput = z.infer<typeof LogSetInput>;

export const UpdateSetInput = SetMeasures.extend({ setId: Id });
export type UpdateSetInput = z.infer<typeof UpdateSetInput>;

export const SetIdInput = z.object({ setId: Id });
export const WorkoutIdInput = z.object({ workoutId: Id });

export const UpdateWorkoutInput = z.object({
  workoutId: Id,
  title: Title.optional(),
  notes: Notes.optional(),
  visibility: Visibility.optional(),
});
export type UpdateWorkoutInput = z.infer<typeof UpdateWorkoutInput>;

export const HistoryInput = z.object({
  /** The id of the last workout of the previous page. */
  cursor: Id.nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type HistoryInput = z.infer<typeof HistoryInput>;

export const LastSetsInput = z.object({
  /** The exercises to look up (a workout's, in any order); repeats count once. */
  exerciseIds: z.array(Id).min(1).max(50, 'Ask for at most 50 exercises at once.'),
});
export type LastSetsInput = z.infer<typeof LastSetsInput>;
