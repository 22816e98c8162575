import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import type { ServerDeps, Session } from '../context';
import { Id, MAX_SEQ } from '../schemas';
import { publishEvents } from '../streams/publish';
import { protectedProcedure } from '../trpc';
import { followActivity } from './activity';
import { changeReadState, type ReadStateChange } from './change';
import { readStates } from './counts';

const Seq = z.number().int().max(MAX_SEQ, 'That is larger than any seq.');

export const MarkReadInput = z.object({
  channelId: Id,
  /** Everything up to this seq of the channel's stream is read (0 reads nothing). */
  seq: Seq.nonnegative(),
});
export type MarkReadInput = z.infer<typeof MarkReadInput>;

export const MarkUnreadInput = z.object({
  channelId: Id,
  /** The first message (by its seq) to show as unread again. */
  fromSeq: Seq.positive(),
});
export type MarkUnreadInput = z.infer<typeof MarkUnreadInput>;

export const NotificationLevel = z.enum(['ALL', 'MENTIONS', 'NOTHING']);
export const SetLevelInput = z.object({ channelId: Id, level: NotificationLevel });
export type SetLevelInput = z.infer<typeof SetLevelInput>;

/**
 * What the signed-in user has read, in every conversation they are in, and how much they hear of
 * each. Changes reach all of their devices as `readState.changed` on `me.onEvent`.
 */
export const readStateRouter = {
  /** Every conversation's read state, counted in one query. */
  list: protectedProcedure.query(({ ctx }) => readStates(ctx.prisma, ctx.session.userId)),

  markRead: protectedProcedure
    .input(MarkReadInput)
    .mutation(({ ctx, input }) => change(ctx, input.channelId, { kind: 'read', seq: input.seq })),

  markUnread: protectedProcedure
    .input(MarkUnreadInput)
    .mutation(({ ctx, input }) => change(ctx, input.channelId, { kind: 'unread', fromSeq: input.fromSeq })),

  setLevel: protectedProcedure
    .input(SetLevelInput)
    .mutation(({ ctx, input }) => change(ctx, input.channelId, { kind: 'level', level: input.level })),

  /** Hints that a conversation's counts changed (a message arrived or went); reread `list` on them. */
  onActivity: protectedProcedure.subscription(({ ctx, signal }) =>
    followActivity(ctx, { userId: ctx.session.userId, signal: signal ?? new AbortController().signal }),
  ),
} satisfies TRPCRouterRecord;

async function change(ctx: ServerDeps & { session: Session }, channelId: string, what: ReadStateChange) {
  const { state, appended } = await changeReadState(ctx.prisma, ctx.session.userId, channelId, what);
  await publishEvents(ctx, appended);
  return state;
}
