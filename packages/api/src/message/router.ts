import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import type { ServerDeps, Session } from '../context';
import { ReactionEmoji } from '../reactions/palette';
import { changeReaction } from '../reactions/react';
import { Id, MAX_SEQ, MessageBody } from '../schemas';
import { publishEvents } from '../streams/publish';
import { protectedProcedure, rateLimited } from '../trpc';
import { listMessages } from './read';
import { changeOwnMessage, sendMessage } from './write';

export const ListMessagesInput = z.object({
  channelId: Id,
  /** Seq cursor: the page ends just before this message. Omit for the newest page. */
  cursor: z.number().int().positive().max(MAX_SEQ).nullish(),
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

export const ReactInput = z.object({ messageId: Id, emoji: ReactionEmoji });
export type ReactInput = z.infer<typeof ReactInput>;

/** Messages of a channel; its live events (these changes included) come from `channel.onEvent`. */
export const messageRouter = {
  list: protectedProcedure.input(ListMessagesInput).query(({ ctx, input }) =>
    listMessages(ctx.prisma, ctx.session.userId, {
      channelId: input.channelId,
      beforeSeq: input.cursor ?? undefined,
      limit: input.limit,
    }),
  ),

  send: protectedProcedure
    .input(SendMessageInput)
    .use(rateLimited<SendMessageInput>('messageSend', (input) => input.channelId))
    .mutation(async ({ ctx, input }) => {
      const { message, appended } = await sendMessage(ctx.prisma, { ...input, authorId: ctx.session.userId });
      await publishEvents(ctx, appended);
      return message;
    }),

  edit: protectedProcedure.input(EditMessageInput).mutation(async ({ ctx, input }) => {
    const { message, appended } = await changeOwnMessage(ctx.prisma, {
      messageId: input.messageId,
      userId: ctx.session.userId,
      change: { body: input.body },
    });
    await publishEvents(ctx, appended);
    return message;
  }),

  delete: protectedProcedure.input(DeleteMessageInput).mutation(async ({ ctx, input }) => {
    const { message, appended } = await changeOwnMessage(ctx.prisma, {
      messageId: input.messageId,
      userId: ctx.session.userId,
      change: 'delete',
    });
    await publishEvents(ctx, appended);
    return message;
  }),

  /** Reacts to a message with one of the palette's emoji (reactions/palette.ts); idempotent. */
  react: protectedProcedure
    .input(ReactInput)
    .use(rateLimited('reaction'))
    .mutation(({ ctx, input }) => react(ctx, { ...input, isOn: true })),

  /** Takes one's reaction back; idempotent. */
  unreact: protectedProcedure
    .input(ReactInput)
    .use(rateLimited('reaction'))
    .mutation(({ ctx, input }) => react(ctx, { ...input, isOn: false })),
} satisfies TRPCRouterRecord;

async function react(ctx: ServerDeps & { session: Session }, input: ReactInput & { isOn: boolean }) {
  const { message, appended } = await changeReaction(ctx.prisma, { ...input, userId: ctx.session.userId });
  await publishEvents(ctx, appended);
  return message;
}
