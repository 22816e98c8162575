import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import type { Context } from '../context';
import { Username } from '../profile/username';
import { Id } from '../schemas';
import { publishEvents } from '../streams/publish';
import { protectedProcedure, rateLimited } from '../trpc';
import { changeRelationship } from './change';
import { listRelationships } from './list';
import type { FriendAction } from './transitions';

export const FriendRequestInput = z.object({ username: Username });
export type FriendRequestInput = z.infer<typeof FriendRequestInput>;

export const FriendUserInput = z.object({ userId: Id });
export type FriendUserInput = z.infer<typeof FriendUserInput>;

type Caller = Context & { session: NonNullable<Context['session']> };

/** Applies an action, publishes its events after the commit, answers the caller's new side. */
async function act(ctx: Caller, action: FriendAction, other: { userId: string } | { username: string }) {
  const { appended, ...change } = await changeRelationship(ctx.prisma, {
    userId: ctx.session.userId,
    action,
    other,
  });
  await publishEvents(ctx, appended);
  return change;
}

const byId = (action: FriendAction) =>
  protectedProcedure.input(FriendUserInput).mutation(({ ctx, input }) => act(ctx, action, input));

/** Friends, requests and blocks, kept the way Discord keeps them (see friends/transitions.ts). */
export const friendsRouter = {
  list: protectedProcedure.query(({ ctx }) => listRelationships(ctx.prisma, ctx.session.userId)),

  /** Sends a request by @username; accepts instead when they had already asked. */
  request: protectedProcedure
    .input(FriendRequestInput)
    .use(rateLimited('friendRequest'))
    .mutation(({ ctx, input }) => act(ctx, 'request', input)),
  /** Withdraws the caller's own pending request. */
  cancel: byId('cancel'),
  accept: byId('accept'),
  decline: byId('decline'),
  /** Ends a friendship, on both sides. */
  remove: byId('remove'),
  /** Ends any friendship or request; the blocked person is not told. */
  block: byId('block'),
  unblock: byId('unblock'),
} satisfies TRPCRouterRecord;
