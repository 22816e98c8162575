import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { Username } from '../profile/username';
import { Id, LastEventId } from '../schemas';
import { publishEvents } from '../streams/publish';
import { safeName } from '../text/safe-name';
import { protectedProcedure } from '../trpc';
import { followChannel } from './follow';
import { inviteMember, joinChannel, leaveChannel, listMembers, removeMember } from './members';
import { setRole, transferOwnership } from './roles';
import { browsePublicChannels, createChannel, findVisibleChannel, listMyChannels } from './service';

export const BrowseChannelsInput = z.object({
  query: z.string().trim().max(50).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type BrowseChannelsInput = z.infer<typeof BrowseChannelsInput>;

export const CreateChannelInput = z.object({
  name: safeName({
    min: 2,
    max: 48,
    tooShort: 'A channel name needs at least 2 characters.',
    tooLong: 'A channel name can be at most 48 characters.',
  }),
  description: z.string().trim().max(280).default(''),
  visibility: z.enum(['PUBLIC', 'PRIVATE']).default('PUBLIC'),
});
export type CreateChannelInput = z.infer<typeof CreateChannelInput>;

export const GetChannelInput = z.union([
  z.object({ channelId: Id }),
  z.object({ slug: z.string().min(1).max(64) }),
]);
export type GetChannelInput = z.infer<typeof GetChannelInput>;

export const ChannelIdInput = z.object({ channelId: Id });
export type ChannelIdInput = z.infer<typeof ChannelIdInput>;

/** By @username, which is public anyway: an invite by email would tell anyone which emails have accounts. */
export const InviteMemberInput = z.object({ channelId: Id, username: Username });
export type InviteMemberInput = z.infer<typeof InviteMemberInput>;

export const RemoveMemberInput = z.object({ channelId: Id, userId: Id });
export type RemoveMemberInput = z.infer<typeof RemoveMemberInput>;

export const SetRoleInput = z.object({ channelId: Id, userId: Id, role: z.enum(['MODERATOR', 'MEMBER']) });
export type SetRoleInput = z.infer<typeof SetRoleInput>;

export const TransferOwnershipInput = z.object({ channelId: Id, userId: Id });
export type TransferOwnershipInput = z.infer<typeof TransferOwnershipInput>;

export const OnChannelEventInput = z.object({ channelId: Id, lastEventId: LastEventId });
export type OnChannelEventInput = z.input<typeof OnChannelEventInput>;

export const channelRouter = {
  listMine: protectedProcedure.query(({ ctx }) => listMyChannels(ctx.prisma, ctx.session.userId)),

  browse: protectedProcedure
    .input(BrowseChannelsInput)
    .query(({ ctx, input }) => browsePublicChannels(ctx.prisma, { userId: ctx.session.userId, ...input })),

  get: protectedProcedure
    .input(GetChannelInput)
    .query(({ ctx, input }) =>
      findVisibleChannel(
        ctx.prisma,
        ctx.session.userId,
        'channelId' in input ? { id: input.channelId } : { slug: input.slug },
      ),
    ),

  create: protectedProcedure.input(CreateChannelInput).mutation(async ({ ctx, input }) => {
    const { channel, appended } = await createChannel(ctx.prisma, { userId: ctx.session.userId, ...input });
    await publishEvents(ctx, appended);
    return channel;
  }),

  join: protectedProcedure.input(ChannelIdInput).mutation(async ({ ctx, input }) => {
    const { appended } = await joinChannel(ctx.prisma, ctx.session.userId, input.channelId);
    await publishEvents(ctx, appended);
    return findVisibleChannel(ctx.prisma, ctx.session.userId, { id: input.channelId });
  }),

  leave: protectedProcedure.input(ChannelIdInput).mutation(async ({ ctx, input }) => {
    const { appended } = await leaveChannel(ctx.prisma, ctx.session.userId, input.channelId);
    await publishEvents(ctx, appended);
    return { channelId: input.channelId };
  }),

  members: protectedProcedure
    .input(ChannelIdInput)
    .query(({ ctx, input }) => listMembers(ctx.prisma, ctx.session.userId, input.channelId)),

  invite: protectedProcedure.input(InviteMemberInput).mutation(async ({ ctx, input }) => {
    const { member, appended } = await inviteMember(ctx.prisma, { userId: ctx.session.userId, ...input });
    await publishEvents(ctx, appended);
    return member;
  }),

  /** Moderators remove members; only the owner removes a moderator. The removed member's views end. */
  removeMember: protectedProcedure.input(RemoveMemberInput).mutation(async ({ ctx, input }) => {
    const { appended } = await removeMember(ctx.prisma, {
      userId: ctx.session.userId,
      channelId: input.channelId,
      memberId: input.userId,
    });
    await publishEvents(ctx, appended);
    return { channelId: input.channelId, userId: input.userId };
  }),

  /** The owner promotes a member to moderator or demotes a moderator. */
  setRole: protectedProcedure.input(SetRoleInput).mutation(async ({ ctx, input }) => {
    const { appended } = await setRole(ctx.prisma, {
      userId: ctx.session.userId,
      channelId: input.channelId,
      memberId: input.userId,
      role: input.role,
    });
    await publishEvents(ctx, appended);
    return { channelId: input.channelId, userId: input.userId, role: input.role };
  }),

  /** The owner hands the channel to another member and becomes a moderator. */
  transferOwnership: protectedProcedure.input(TransferOwnershipInput).mutation(async ({ ctx, input }) => {
    const { appended, members } = await transferOwnership(ctx.prisma, {
      userId: ctx.session.userId,
      channelId: input.channelId,
      memberId: input.userId,
    });
    await publishEvents(ctx, appended);
    return { channelId: input.channelId, members };
  }),

  /**
   * The channel's events — messages created, edited and deleted, members joining and leaving —
   * resumable by `lastEventId` (tRPC's wsLink sends it on every reconnect). Access is checked before
   * the first event; the subscription ends right after the event that removes the subscriber.
   */
  onEvent: protectedProcedure.input(OnChannelEventInput).subscription(({ ctx, input, signal }) =>
    followChannel(ctx, {
      userId: ctx.session.userId,
      channelId: input.channelId,
      after: input.lastEventId,
      signal: signal ?? new AbortController().signal,
    }),
  ),
} satisfies TRPCRouterRecord;
