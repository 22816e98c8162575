import { hashPassword, verifyPassword } from '@spotter/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { assertStrongPassword } from '../auth/password-policy';
import { Password } from '../auth/router';
import { AppError } from '../errors';
import { protectedProcedure } from '../trpc';
import { announceRevoked } from './revoke';
import { listSignIns, revokeSignIns } from './sign-in-sessions';

export const RevokeSessionInput = z.object({ sessionId: z.string().uuid('Not a session id.') });
export type RevokeSessionInput = z.infer<typeof RevokeSessionInput>;

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: Password,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

/** The browser sign-ins of the caller: list, revoke one, sign out everywhere, change the password. */
export const sessionRouter = {
  list: protectedProcedure.query(({ ctx }) =>
    listSignIns(ctx.prisma, ctx.session.userId, ctx.auth?.sessionId),
  ),

  revoke: protectedProcedure.input(RevokeSessionInput).mutation(async ({ ctx, input }) => {
    const sessionIds = await revokeSignIns(ctx.prisma, ctx.session.userId, { only: input.sessionId });
    await announceRevoked(ctx, { userId: ctx.session.userId, sessionIds });
    return { revoked: sessionIds.length };
  }),

  /** "Sign out everywhere": every sign-in of the caller, this one included. API tokens stay. */
  revokeAll: protectedProcedure.mutation(async ({ ctx }) => {
    const sessionIds = await revokeSignIns(ctx.prisma, ctx.session.userId);
    await announceRevoked(ctx, { userId: ctx.session.userId, sessionIds });
    return { revoked: sessionIds.length };
  }),

  /** A new password ends every other sign-in: whoever knew the old one is out. */
  changePassword: protectedProcedure.input(ChangePasswordInput).mutation(async ({ ctx, input }) => {
    const { userId } = ctx.session;
    const user = await ctx.prisma.user.findUniqueOrThrow({
      where: { id: userId },
      select: { passwordHash: true, email: true, name: true, username: true },
    });
    if (!(await verifyPassword(input.currentPassword, user.passwordHash)))
      throw new AppError('UNAUTHORIZED', 'Your current password is not that.');
    await assertStrongPassword(input.newPassword, [user.email, user.name, user.username]);
    await ctx.prisma.user.update({
      where: { id: userId },
      data: { passwordHash: await hashPassword(input.newPassword) },
    });
    const sessionIds = await revokeSignIns(ctx.prisma, userId, { except: ctx.auth?.sessionId });
    await announceRevoked(ctx, { userId, sessionIds });
    return { revoked: sessionIds.length };
  }),
} satisfies TRPCRouterRecord;
