import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { topics } from '../bus/topics';
import { assertMember } from '../services/channel-access';
import { streamChannelEvents } from '../services/channel-stream';
import { readPageBefore } from '../services/message-read';
import { changeOwnMessage, createMessage } from '../services/message-write';
import { publishAfterCommit } from '../services/publish';
import { protectedProcedure } from '../trpc';
import { Id, LastEventId, MessageBody } from './schemas';

export const ListMessagesInput = z.object({
  channelId: Id,
  /** Seq cursor: the page ends just before this message. Omit for the newest page. */
  cursor: z.number().int().positive().nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListMessagesInput = z.infer<typeof ListMessagesInput>;

export const SendMessageInput = z.object({
  channelId: Id,
  body: MessageBody,
  /** Client-chosen id for this send: retries with it never post twice, and the echo names it. */
  nonce: z.string().min(1).max(64).optional(),
});
export type SendMessageInput = z.infer<typeof SendMessageInput>;

export const EditMessageInput = z.object({ messageId: Id, body: MessageBody });
export type EditMessageInput = z.infer<typeof EditMessageInput>;

export const DeleteMessageInput = z.object({ messageId: Id });
export type DeleteMessageInput = z.infer<typeof DeleteMessageInput>;

export const OnMessageEventInput = z.object({ channelId: Id, lastEventId: LastEventId });
export type OnMessageEventInput = z.infer<typeof OnMessageEventInput>;

export const messageRouter = {
  list: protectedProcedure.input(ListMessagesInput).query(async ({ ctx, input }) => {
    await assertMember(ctx.prisma, ctx.session.userId, input.channelId);
    return readPageBefore(ctx.prisma, {
      channelId: input.channelId,
      beforeSeq: input.cursor ?? undefined,
      limit: input.limit,
    });
  }),

  send: protectedProcedure.input(SendMessageInput).mutation(async ({ ctx, input }) => {
    const { message, isNew } = await createMessage(ctx.prisma, { ...input, authorId: ctx.session.userId });
    if (isNew)
      await publishAfterCommit(ctx, topics.channelEvents(message.channelId), {
        type: 'message.created',
        message,
      });
    return message;
  }),

  edit: protectedProcedure.input(EditMessageInput).mutation(async ({ ctx, input }) => {
    const message = await changeOwnMessage(ctx.prisma, {
      messageId: input.messageId,
      userId: ctx.session.userId,
      change: { body: input.body },
    });
    await publishAfterCommit(ctx, topics.channelEvents(message.channelId), {
      type: 'message.edited',
      message,
    });
    return message;
  }),

  delete: protectedProcedure.input(DeleteMessageInput).mutation(async ({ ctx, input }) => {
    const message = await changeOwnMessage(ctx.prisma, {
      messageId: input.messageId,
      userId: ctx.session.userId,
      change: 'delete',
    });
    await publishAfterCommit(ctx, topics.channelEvents(message.channelId), {
      type: 'message.deleted',
      message,
    });
    return message;
  }),

  onEvent: protectedProcedure.input(OnMessageEventInput).subscription(async function* ({
    ctx,
    input,
    signal,
  }) {
    await assertMember(ctx.prisma, ctx.session.userId, input.channelId);
    yield* streamChannelEvents({
      prisma: ctx.prisma,
      bus: ctx.bus,
      channelId: input.channelId,
      lastEventId: input.lastEventId ? Number(input.lastEventId) : null,
      signal: signal ?? new AbortController().signal,
    });
  }),
} satisfies TRPCRouterRecord;
