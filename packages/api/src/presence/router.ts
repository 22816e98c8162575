import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { protectedProcedure } from '../trpc';
import { followPresence } from './follow';
import { presenceFor } from './service';
import { modeFromColumn } from './status';

// Strict: there is no user id to give, so presence can only ever be set for oneself; a forged
// extra field (`userId`) is refused, not ignored.
export const SetActivityInput = z.object({ activity: z.enum(['active', 'idle']) }).strict();
export type SetActivityInput = z.infer<typeof SetActivityInput>;

export const SetStatusInput = z.object({ mode: z.enum(['auto', 'dnd', 'invisible']) }).strict();
export type SetStatusInput = z.infer<typeof SetStatusInput>;

/**
 * Presence is ephemeral: never in the event log, on its own untracked subscription. A connection
 * is online from when it opens; its tab reports idle after the idle timeout without input, and
 * active again on input.
 */
export const presenceRouter = {
  setActivity: protectedProcedure.input(SetActivityInput).mutation(async ({ ctx, input }) => {
    await presenceFor(ctx).setActivity(ctx.session.userId, ctx.connectionId, input.activity);
    return { ok: true };
  }),

  /** The status menu: online (auto), do not disturb, or appear offline. Kept across sign-ins. */
  setStatus: protectedProcedure.input(SetStatusInput).mutation(async ({ ctx, input }) => {
    await presenceFor(ctx).setMode(ctx.session.userId, ctx.connectionId ?? ctx.session.userId, input.mode);
    return { mode: input.mode };
  }),

  mine: protectedProcedure.query(async ({ ctx }) => {
    const user = await ctx.prisma.user.findUniqueOrThrow({
      where: { id: ctx.session.userId },
      select: { presenceMode: true },
    });
    return { mode: modeFromColumn(user.presenceMode) };
  }),

  onChange: protectedProcedure.subscription(({ ctx, signal }) =>
    followPresence(ctx, { userId: ctx.session.userId, signal: signal ?? new AbortController().signal }),
  ),
} satisfies TRPCRouterRecord;
