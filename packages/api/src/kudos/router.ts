import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { Id } from '../schemas';
import { publishEvents } from '../streams/publish';
import { protectedProcedure } from '../trpc';
import { invalidateWorkoutsOf } from '../workouts/cached-workout';
import { listKudos } from './list';
import { changeKudos } from './service';

export const KudosInput = z.object({ workoutId: Id });
export type KudosInput = z.infer<typeof KudosInput>;

const change = (isGiven: boolean) =>
  protectedProcedure.input(KudosInput).mutation(async ({ ctx, input }) => {
    const { appended, ownerId, ...result } = await changeKudos(ctx.prisma, {
      userId: ctx.session.userId,
      ...input,
      isGiven,
    });
    // The card's kudos count is cached with its owner's workouts.
    if (appended.length > 0) await invalidateWorkoutsOf(ctx.cache, ownerId);
    await publishEvents(ctx, appended);
    return result;
  });

/**
 * Kudos on a friend's workout (or any workout one may see); the new count reaches every feed live,
 * and the owner's notifications. `list` names who gave them.
 */
export const kudosRouter = {
  give: change(true),
  remove: change(false),
  list: protectedProcedure
    .input(KudosInput)
    .query(({ ctx, input }) => listKudos(ctx.prisma, ctx.session.userId, input.workoutId)),
} satisfies TRPCRouterRecord;
