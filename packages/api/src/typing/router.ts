import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { publishSafely } from '../bus/publish-safely';
import { topics } from '../bus/topics';
import { requireMember } from '../channel/access';
import { metrics } from '../metrics';
import { Id } from '../schemas';
import { protectedProcedure } from '../trpc';

const subscriptions = metrics.activeSubscriptions.labels('typing.onUpdate');

export const NotifyTypingInput = z.object({ channelId: Id, isTyping: z.boolean().default(true) });
export type NotifyTypingInput = z.infer<typeof NotifyTypingInput>;

export const OnTypingInput = z.object({ channelId: Id });
export type OnTypingInput = z.infer<typeof OnTypingInput>;

/**
 * Typing is ephemeral: never stored, never replayed, and on its own subscription so it cannot
 * disturb the message stream's resume cursor. Clients send `isTyping: true` at most every few
 * seconds while typing and treat silence as stopped.
 */
export const typingRouter = {
  notify: protectedProcedure.input(NotifyTypingInput).mutation(async ({ ctx, input }) => {
    await requireMember(ctx.prisma, ctx.session.userId, input.channelId);
    await publishSafely(ctx, topics.channelTyping(input.channelId), {
      channelId: input.channelId,
      userId: ctx.session.userId,
      userName: ctx.session.name,
      isTyping: input.isTyping,
    });
    return { ok: true };
  }),

  onUpdate: protectedProcedure.input(OnTypingInput).subscription(async ({ ctx, input, signal }) => {
    const { userId } = ctx.session;
    await requireMember(ctx.prisma, userId, input.channelId);
    const updates = await ctx.bus.subscribe(topics.channelTyping(input.channelId), {
      signal: signal ?? new AbortController().signal,
    });
    return (async function* () {
      subscriptions.inc();
      try {
        for await (const update of updates) {
          if (update.userId !== userId) yield update;
        }
      } finally {
        subscriptions.dec();
      }
    })();
  }),
} satisfies TRPCRouterRecord;
