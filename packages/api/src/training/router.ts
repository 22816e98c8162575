import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { Id, LastEventId } from '../schemas';
import { publishEvents } from '../streams/publish';
import { protectedProcedure } from '../trpc';
import { followSession } from './follow';
import { createSession, inviteToSession, joinSession, leaveSession } from './members';
import { getSession, listInvites } from './view';

const WorkoutTitle = z.string().trim().max(100).default('Training together');

export const CreateTrainingInput = z.object({ title: WorkoutTitle });
export type CreateTrainingInput = z.input<typeof CreateTrainingInput>;

export const SessionIdInput = z.object({ sessionId: Id });
export type SessionIdInput = z.infer<typeof SessionIdInput>;

export const InviteTrainingInput = z.object({
  sessionId: Id,
  userIds: z.array(Id).min(1, 'Invite at least one friend.').max(20, 'Invite at most 20 friends at once.'),
});
export type InviteTrainingInput = z.infer<typeof InviteTrainingInput>;

export const JoinTrainingInput = z.object({ sessionId: Id, title: WorkoutTitle });
export type JoinTrainingInput = z.input<typeof JoinTrainingInput>;

export const OnTrainingEventInput = z.object({ sessionId: Id, lastEventId: LastEventId });
export type OnTrainingEventInput = z.input<typeof OnTrainingEventInput>;

/** Training together live: a host's session, invited friends, everyone's sets on everyone's screen. */
export const trainingRouter = {
  create: protectedProcedure.input(CreateTrainingInput).mutation(async ({ ctx, input }) => {
    const { appended, ...created } = await createSession(ctx.prisma, {
      userId: ctx.session.userId,
      ...input,
    });
    await publishEvents(ctx, appended);
    return created;
  }),

  invite: protectedProcedure.input(InviteTrainingInput).mutation(async ({ ctx, input }) => {
    const { appended, invited } = await inviteToSession(ctx.prisma, { userId: ctx.session.userId, ...input });
    await publishEvents(ctx, appended);
    return { invited };
  }),

  join: protectedProcedure.input(JoinTrainingInput).mutation(async ({ ctx, input }) => {
    const { appended, workoutId } = await joinSession(ctx.prisma, { userId: ctx.session.userId, ...input });
    await publishEvents(ctx, appended);
    return { sessionId: input.sessionId, workoutId };
  }),

  leave: protectedProcedure.input(SessionIdInput).mutation(async ({ ctx, input }) => {
    const { appended } = await leaveSession(ctx.prisma, { userId: ctx.session.userId, ...input });
    await publishEvents(ctx, appended);
    return { sessionId: input.sessionId };
  }),

  get: protectedProcedure
    .input(SessionIdInput)
    .query(({ ctx, input }) => getSession(ctx.prisma, ctx.session.userId, input.sessionId)),

  invites: protectedProcedure.query(({ ctx }) => listInvites(ctx.prisma, ctx.session.userId)),

  /**
   * The session's events — members invited, joining and leaving, and every member's workout changes
   * (sets logged, edited, deleted; finished) — resumable by `lastEventId`. Only people invited to the
   * session or in it may follow it (anyone else: NOT_FOUND); it ends right after the member leaves.
   */
  onEvent: protectedProcedure.input(OnTrainingEventInput).subscription(({ ctx, input, signal }) =>
    followSession(ctx, {
      userId: ctx.session.userId,
      sessionId: input.sessionId,
      after: input.lastEventId,
      signal: signal ?? new AbortController().signal,
    }),
  ),
} satisfies TRPCRouterRecord;
