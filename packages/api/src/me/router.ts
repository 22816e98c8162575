import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { Id, LastEventId } from '../schemas';
import { protectedProcedure } from '../trpc';
import { getUnits, SetUnitsInput, setUnits } from '../workouts/user-units';
import { followUser } from './follow';
import { homeChannelSlug, rememberChannel } from './home';

export const OnMyEventInput = z.object({ lastEventId: LastEventId });
export type OnMyEventInput = z.input<typeof OnMyEventInput>;

export const RememberChannelInput = z.object({ channelId: Id });
export type RememberChannelInput = z.infer<typeof RememberChannelInput>;

/** The signed-in user's own things, on every device. */
export const meRouter = {
  /** Where to land after sign-in: the last channel visited, else #general, else any of yours. */
  home: protectedProcedure.query(({ ctx }) => homeChannelSlug(ctx.prisma, ctx.session.userId)),

  rememberChannel: protectedProcedure
    .input(RememberChannelInput)
    .mutation(({ ctx, input }) => rememberChannel(ctx.prisma, ctx.session.userId, input.channelId)),

  /** Units for workouts: kg or lb, km or mi (stored in kg and metres whatever these say). */
  units: protectedProcedure.query(({ ctx }) => getUnits(ctx.prisma, ctx.session.userId)),

  setUnits: protectedProcedure
    .input(SetUnitsInput)
    .mutation(({ ctx, input }) => setUnits(ctx.prisma, ctx.session.userId, input)),

  /**
   * Everything addressed to this user — channels added (created, joined, invited) and removed (left,
   * removed) — on every tab and device, resumable by `lastEventId` like every stream.
   */
  onEvent: protectedProcedure.input(OnMyEventInput).subscription(({ ctx, input, signal }) =>
    followUser(ctx, {
      userId: ctx.session.userId,
      after: input.lastEventId,
      signal: signal ?? new AbortController().signal,
    }),
  ),
} satisfies TRPCRouterRecord;
