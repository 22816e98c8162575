import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { AppError } from '../errors';
import { Username } from '../profile/username';
import { publishEvents } from '../streams/publish';
import { publicProcedure, rateLimitedByAddress } from '../trpc';
import { issueSessionToken, SESSION_MAX_AGE_SECONDS } from './session-token';
import { signInWithinLimits } from './sign-in';
import { signUp } from './user-service';

const Email = z.string().trim().email('Enter a valid email address.').max(254);
const Password = z.string().min(8, 'A password needs at least 8 characters.').max(128);

export const SignUpInput = z.object({
  email: Email,
  name: z.string().trim().min(1, 'Tell us your name.').max(50),
  /** The @handle; made from the email when left out. */
  username: Username.optional(),
  password: Password,
});
export type SignUpInput = z.infer<typeof SignUpInput>;

export const CreateTokenInput = z.object({ email: Email, password: z.string().min(1).max(128) });
export type CreateTokenInput = z.infer<typeof CreateTokenInput>;

export const authRouter = {
  /** Browsers sign in through next-auth afterwards; this only creates the account. */
  signUp: publicProcedure
    .input(SignUpInput)
    .use(rateLimitedByAddress('signUpIp'))
    .mutation(async ({ ctx, input }) => {
      const { session, appended } = await signUp(ctx.prisma, input);
      await publishEvents(ctx, appended);
      return { userId: session.userId };
    }),

  /**
   * For scripts and bots: trades credentials for a session token that works as
   * `Authorization: Bearer …` over HTTP and as `connectionParams.token` over WebSocket.
   */
  createToken: publicProcedure
    .input(CreateTokenInput)
    .use(rateLimitedByAddress('tokenCreate'))
    .mutation(async ({ ctx, input }) => {
      const session = await signInWithinLimits(ctx, input, ctx.clientIp);
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
