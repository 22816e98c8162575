import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { Id } from '../schemas';
import { protectedProcedure, rateLimited } from '../trpc';
import { followTyping, notifyTyping } from './service';

export const NotifyTypingInput = z.object({ channelId: Id, isTyping: z.boolean().default(true) });
export type NotifyTypingInput = z.infer<typeof NotifyTypingInput>;

export const OnTypingInput = z.object({ channelId: Id });
export type OnTypingInput = z.infer<typeof OnTypingInput>;

/**
 * Typing is ephemeral: never stored, never replayed, and on its own subscription so it cannot
 * disturb a stream's resume cursor. Clients send `isTyping: true` at most every few seconds while
 * typing and treat silence as stopped.
 */
export const typingRouter = {
  notify: protectedProcedure
    .input(NotifyTypingInput)
    .use(rateLimited<NotifyTypingInput>('typing', (input) => input.channelId))
    .mutation(async ({ ctx, input }) => {
      await notifyTyping(ctx, ctx.session, input);
      return { ok: true };
    }),

  onUpdate: protectedProcedure.input(OnTypingInput).subscription(({ ctx, input, signal }) =>
    followTyping(ctx, {
      userId: ctx.session.userId,
      channelId: input.channelId,
      signal: signal ?? new AbortController().signal,
    }),
  ),
} satisfies TRPCRouterRecord;
