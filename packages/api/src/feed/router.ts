import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { Id, LastEventId } from '../schemas';
import { followStream } from '../streams/follow';
import { streamHubFor } from '../streams/hub';
import { streamIds } from '../streams/stream-ids';
import { protectedProcedure } from '../trpc';
import { listFeed, listTrainingNow } from './list';

export const ListFeedInput = z.object({
  /** Only this person's workouts that the caller may see (a profile's list); omit for the feed. */
  ownerId: Id.nullish(),
  cursor: z.string().max(100).nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type ListFeedInput = z.input<typeof ListFeedInput>;

export const OnFeedEventInput = z.object({ lastEventId: LastEventId });
export type OnFeedEventInput = z.input<typeof OnFeedEventInput>;

/** Friends' workouts and records (and who is training now), live. See feed/fan-out.ts for the design. */
export const feedRouter = {
  list: protectedProcedure
    .input(ListFeedInput)
    .query(({ ctx, input }) => listFeed(ctx, { userId: ctx.session.userId, ...input })),

  trainingNow: protectedProcedure.query(({ ctx }) => listTrainingNow(ctx.prisma, ctx.session.userId)),

  /**
   * The reader's feed stream: workouts started, finished and ended, and kudos counts, of the reader
   * and their friends (never a friend's PRIVATE workout) — resumable by `lastEventId`.
   */
  onEvent: protectedProcedure.input(OnFeedEventInput).subscription(({ ctx, input, signal }) =>
    followStream({
      prisma: ctx.prisma,
      hub: streamHubFor(ctx),
      streamId: streamIds.feed(ctx.session.userId),
      after: input.lastEventId,
      signal: signal ?? new AbortController().signal,
    }),
  ),
} satisfies TRPCRouterRecord;
