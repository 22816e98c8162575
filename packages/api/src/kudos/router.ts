import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { Id } from '../schemas';
import { publishEvents } from '../streams/publish';
import { protectedProcedure } from '../trpc';
import { changeKudos } from './service';

export const KudosInput = z.object({ workoutId: Id });
export type KudosInput = z.infer<typeof KudosInput>;

const change = (isGiven: boolean) =>
  protectedProcedure.input(KudosInput).mutation(async ({ ctx, input }) => {
    const { appended, ...result } = await changeKudos(ctx.prisma, {
      userId: ctx.session.userId,
      ...input,
      isGiven,
    });
    await publishEvents(ctx, appended);
    return result;
  });

/** Kudos on a friend's workout (or any workout one may see); the new count reaches every feed live. */
export const kudosRouter = {
  give: change(true),
  remove: change(false),
} satisfies TRPCRouterRecord;
