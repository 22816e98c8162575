import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { AppError } from '../errors';
import { protectedProcedure, rateLimited } from '../trpc';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens';
import { announceRevoked } from './revoke';

export const CreateApiTokenInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Name the token (what will use it?).')
    .max(50, 'A token name can be at most 50 characters.'),
  scope: z.enum(['read', 'write']),
  /** Without it the token lasts until revoked. */
  expiresInDays: z.number().int().min(1).max(365).optional(),
});
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenInput>;

export const RevokeApiTokenInput = z.object({ tokenId: z.string().uuid('Not a token id.') });
export type RevokeApiTokenInput = z.infer<typeof RevokeApiTokenInput>;

/** Personal API tokens for programs (`Authorization: Bearer spt_…` or `connectionParams.token`). */
export const apiTokenRouter = {
  /** The token itself is in this answer only; Spotter keeps its SHA-256. */
  create: protectedProcedure
    .input(CreateApiTokenInput)
    .use(rateLimited('tokenCreate'))
    .mutation(({ ctx, input }) => {
      // A leaked token must not be able to mint itself a successor that outlives its revocation.
      if (ctx.auth?.tokenId) throw new AppError('FORBIDDEN', 'Create tokens in settings, signed in.');
      return createApiToken(ctx.prisma, ctx.session.userId, input);
    }),

  list: protectedProcedure.query(({ ctx }) => listApiTokens(ctx.prisma, ctx.session.userId)),

  /** Refuses the token from now on, on every replica, and closes its open sockets. */
  revoke: protectedProcedure.input(RevokeApiTokenInput).mutation(async ({ ctx, input }) => {
    await revokeApiToken(ctx.prisma, ctx.session.userId, input.tokenId);
    await announceRevoked(ctx, { userId: ctx.session.userId, tokenIds: [input.tokenId] });
    return { revoked: 1 };
  }),
} satisfies TRPCRouterRecord;
