import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { USERNAME_MAX } from '../profile/username';
import { Id } from '../schemas';
import { protectedProcedure } from '../trpc';
import { searchMentionable } from './search';

export const SearchMentionsInput = z.object({
  channelId: Id,
  /** What follows the "@" so far; may be empty. */
  prefix: z
    .string()
    .trim()
    .toLowerCase()
    .max(USERNAME_MAX, `A username can be at most ${USERNAME_MAX} characters.`)
    .regex(/^[a-z0-9_.]*$/, 'A username may use only letters a–z, digits, "_" and ".".'),
  limit: z.number().int().min(1).max(10).default(8),
});
export type SearchMentionsInput = z.input<typeof SearchMentionsInput>;

/** Mentions are written as "@username" in `message.send`/`edit`; this helps people find the name. */
export const mentionRouter = {
  search: protectedProcedure
    .input(SearchMentionsInput)
    .query(({ ctx, input }) => searchMentionable(ctx.prisma, ctx.session.userId, input)),
} satisfies TRPCRouterRecord;
