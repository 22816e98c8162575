import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  browsePublicChannels,
  createChannel,
  findVisibleChannel,
  joinChannel,
  leaveChannel,
  listMyChannels,
} from '../services/channel-service';
import { protectedProcedure } from '../trpc';
import { Id } from './schemas';

export const BrowseChannelsInput = z.object({
  query: z.string().trim().max(50).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type BrowseChannelsInput = z.infer<typeof BrowseChannelsInput>;

export const CreateChannelInput = z.object({
  name: z.string().trim().min(2, 'A channel name needs at least 2 characters.').max(48),
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

  create: protectedProcedure
    .input(CreateChannelInput)
    .mutation(({ ctx, input }) => createChannel(ctx.prisma, { userId: ctx.session.userId, ...input })),

  join: protectedProcedure
    .input(ChannelIdInput)
    .mutation(({ ctx, input }) => joinChannel(ctx.prisma, ctx.session.userId, input.channelId)),

  leave: protectedProcedure.input(ChannelIdInput).mutation(async ({ ctx, input }) => {
    await leaveChannel(ctx.prisma, ctx.session.userId, input.channelId);
    return { channelId: input.channelId };
  }),
} satisfies TRPCRouterRecord;
