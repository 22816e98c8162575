import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { Id } from '../schemas';
import { publishEvents } from '../streams/publish';
import { safeName } from '../text/safe-name';
import { protectedProcedure } from '../trpc';
import { addToGroup, createGroup, leaveGroup, removeFromGroup, renameGroup } from './group';
import { openDirect } from './open';
import { getConversation, listConversations } from './read';

// Lists of people are capped well above a group's size (10), so the service can answer a too-large
// group with its own message rather than a schema error.
const UserIds = z.array(Id).min(1, 'Choose at least one friend.').max(50);
const GroupName = safeName({
  min: 0,
  max: 50,
  tooShort: '',
  tooLong: 'A group name can be at most 50 characters.',
});

export const OpenDirectInput = z.object({ userId: Id });
export type OpenDirectInput = z.infer<typeof OpenDirectInput>;

export const CreateGroupInput = z.object({ userIds: UserIds, name: GroupName.optional() });
export type CreateGroupInput = z.infer<typeof CreateGroupInput>;

export const ConversationIdInput = z.object({ conversationId: Id });
export type ConversationIdInput = z.infer<typeof ConversationIdInput>;

export const AddMembersInput = z.object({ conversationId: Id, userIds: UserIds });
export type AddMembersInput = z.infer<typeof AddMembersInput>;

export const RemoveMemberInput = z.object({ conversationId: Id, userId: Id });
export type RemoveMemberInput = z.infer<typeof RemoveMemberInput>;

export const RenameGroupInput = z.object({ conversationId: Id, name: GroupName });
export type RenameGroupInput = z.infer<typeof RenameGroupInput>;

/**
 * Direct and group conversations. Their messages, edits, typing and live events go through
 * `message.*`, `typing.*` and `channel.onEvent` with the conversation's id, like a channel's.
 */
export const dmRouter = {
  list: protectedProcedure.query(({ ctx }) => listConversations(ctx.prisma, ctx.session.userId)),

  get: protectedProcedure
    .input(ConversationIdInput)
    .query(({ ctx, input }) => getConversation(ctx.prisma, ctx.session.userId, input.conversationId)),

  open: protectedProcedure.input(OpenDirectInput).mutation(async ({ ctx, input }) => {
    const { id, appended } = await openDirect(ctx.prisma, ctx.session.userId, input.userId);
    await publishEvents(ctx, appended);
    return getConversation(ctx.prisma, ctx.session.userId, id);
  }),

  createGroup: protectedProcedure.input(CreateGroupInput).mutation(async ({ ctx, input }) => {
    const { id, appended } = await createGroup(ctx.prisma, {
      userId: ctx.session.userId,
      userIds: input.userIds,
      name: input.name ?? '',
    });
    await publishEvents(ctx, appended);
    return getConversation(ctx.prisma, ctx.session.userId, id);
  }),

  addMembers: protectedProcedure.input(AddMembersInput).mutation(async ({ ctx, input }) => {
    const { appended } = await addToGroup(ctx.prisma, { userId: ctx.session.userId, ...input });
    await publishEvents(ctx, appended);
    return getConversation(ctx.prisma, ctx.session.userId, input.conversationId);
  }),

  leave: protectedProcedure.input(ConversationIdInput).mutation(async ({ ctx, input }) => {
    const { appended } = await leaveGroup(ctx.prisma, ctx.session.userId, input.conversationId);
    await publishEvents(ctx, appended);
    return { conversationId: input.conversationId };
  }),

  /** The group's owner removes someone; their live views of it end at once. */
  removeMember: protectedProcedure.input(RemoveMemberInput).mutation(async ({ ctx, input }) => {
    const { appended } = await removeFromGroup(ctx.prisma, {
      userId: ctx.session.userId,
      conversationId: input.conversationId,
      memberId: input.userId,
    });
    await publishEvents(ctx, appended);
    return getConversation(ctx.prisma, ctx.session.userId, input.conversationId);
  }),

  rename: protectedProcedure.input(RenameGroupInput).mutation(async ({ ctx, input }) => {
    const { appended } = await renameGroup(ctx.prisma, { userId: ctx.session.userId, ...input });
    await publishEvents(ctx, appended);
    return getConversation(ctx.prisma, ctx.session.userId, input.conversationId);
  }),
} satisfies TRPCRouterRecord;
