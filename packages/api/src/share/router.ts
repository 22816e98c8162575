import { z } from 'zod';
import { Id } from '../schemas';
import { publishEvents } from '../streams/publish';
import { protectedProcedure } from '../trpc';
import { shareWorkout } from './service';

export const ShareWorkoutInput = z.object({
  workoutId: Id,
  channelId: Id,
  nonce: z.string().min(1).max(64).optional(),
});
export type ShareWorkoutInput = z.infer<typeof ShareWorkoutInput>;

/** `workout.share`: merged into the workout router (its other procedures live in workouts/). */
export const shareProcedures = {
  share: protectedProcedure.input(ShareWorkoutInput).mutation(async ({ ctx, input }) => {
    const { message, appended } = await shareWorkout(ctx.prisma, { userId: ctx.session.userId, ...input });
    await publishEvents(ctx, appended);
    return message;
  }),
};
