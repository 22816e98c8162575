import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { AppError } from '../errors';
import { Username } from '../profile/username';
import { publishEvents } from '../streams/publish';
import { DisplayName } from '../text/safe-name';
import { publicProcedure } from '../trpc';
import { issueSessionToken, SESSION_MAX_AGE_SECONDS } from './session-token';
import { authenticate, signUp } from './user-service';

const Email = z.string().trim().email('Enter a valid email address.').max(254);
const Password = z.string().min(8, 'A password needs at least 8 characters.').max(128);

export const SignUpInput = z.object({
  email: Email,
  name: DisplayName,
  /** The @handle; made from the email when left out. */
  username: Username.optional(),
  password: Password,
});
export type SignUpInput = z.infer<typeof SignUpInput>;

export const CreateTokenInput = z.object({ email: Email, password: z.string().min(1).max(128) });
export type CreateTokenInput = z.infer<typeof CreateTokenInput>;

export const authRouter = {
  /**
   * Browsers sign in through next-auth afterwards; this only creates the account. The answer is the
   * same whether or not the email had an account already (see signUp).
   */
  signUp: publicProcedure.input(SignUpInput).mutation(async ({ ctx, input }) => {
    const { appended } = await signUp(ctx.prisma, input);
    await publishEvents(ctx, appended);
    return { ok: true as const };
  }),

  /**
   * For scripts and bots: trades credentials for a session token that works as
   * `Authorization: Bearer …` over HTTP and as `connectionParams.token` over WebSocket.
   */
  createToken: publicProcedure.input(CreateTokenInput).mutation(async ({ ctx, input }) => {
    const session = await authenticate(ctx.prisma, input);
    if (!session) throw new AppError('UNAUTHORIZED', 'Wrong email or password.');
    const token = await issueSessionToken(session, ctx.authSecret);
    return {
      token,
      userId: session.userId,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
    };
  }),

  me: publicProcedure.query(({ ctx }) => ctx.session),
} satisfies TRPCRouterRecord;
