import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { Id } from '../schemas';
import { publishEvents } from '../streams/publish';
import { protectedProcedure } from '../trpc';
import { listNotifications, unreadCount } from './list';
import { type MarkedRead, markAllRead, markRead, markWorkoutRead } from './mark-read';

export const MARK_READ_MAX = 100;

type PublishDeps = Parameters<typeof publishEvents>[0];

/** Every way of marking read ends alike: the other tabs and devices hear of it, the caller gets the count. */
async function announceRead(ctx: PublishDeps, { unreadCount, appended }: MarkedRead) {
  await publishEvents(ctx, appended);
  return { unreadCount };
}

export const ListNotificationsInput = z.object({
  /** The `nextCursor` of the previous page; omit for the newest. */
  cursor: Id.nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type ListNotificationsInput = z.input<typeof ListNotificationsInput>;

export const MarkNotificationsReadInput = z.object({
  ids: z
    .array(Id)
    .min(1, 'Name at least one notification.')
    .max(MARK_READ_MAX, `Mark at most ${MARK_READ_MAX} notifications at once, or use markAllRead.`),
});
export type MarkNotificationsReadInput = z.infer<typeof MarkNotificationsReadInput>;

export const MarkWorkoutReadInput = z.object({ workoutId: Id });
export type MarkWorkoutReadInput = z.infer<typeof MarkWorkoutReadInput>;

/**
 * The signed-in user's notification list (mentions, direct messages, friend requests, kudos). New entries
 * and reads arrive live on `me.onEvent` (`notification.created`, `notifications.read`), each with the
 * unread count as of that event.
 */
export const notificationsRouter = {
  list: protectedProcedure.input(ListNotificationsInput).query(({ ctx, input }) =>
    listNotifications(ctx.prisma, ctx.session.userId, {
      cursor: input.cursor ?? undefined,
      limit: input.limit,
    }),
  ),

  unreadCount: protectedProcedure.query(({ ctx }) => unreadCount(ctx.prisma, ctx.session.userId)),

  markRead: protectedProcedure.input(MarkNotificationsReadInput).mutation(async ({ ctx, input }) => {
    return announceRead(ctx, await markRead(ctx.prisma, ctx.session.userId, input.ids));
  }),

  /** Marks read the entries about one workout (its kudos): its owner opened its page. */
  markWorkoutRead: protectedProcedure.input(MarkWorkoutReadInput).mutation(async ({ ctx, input }) => {
    return announceRead(ctx, await markWorkoutRead(ctx.prisma, ctx.session.userId, input.workoutId));
  }),

  markAllRead: protectedProcedure.mutation(async ({ ctx }) => {
    return announceRead(ctx, await markAllRead(ctx.prisma, ctx.session.userId));
  }),
} satisfies TRPCRouterRecord;
