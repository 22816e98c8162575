import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { Username } from '../profile/username';
import { publishEvents } from '../streams/publish';
import { DisplayName } from '../text/safe-name';
import { publicProcedure, rateLimitedByAddress } from '../trpc';
import { signUp } from './user-service';

const Email = z.string().trim().email('Enter a valid email address.').max(254);
export const Password = z.string().min(8, 'A password needs at least 8 characters.').max(128);

export const SignUpInput = z.object({
  email: Email,
  name: DisplayName,
  /** The @handle; made from the email when left out. */
  username: Username.optional(),
  password: Password,
});
export type SignUpInput = z.infer<typeof SignUpInput>;

export const authRouter = {
  /**
   * Browsers sign in through next-auth afterwards; this only creates the account. The answer is the
   * same whether or not the email had an account already (see signUp).
   */
  signUp: publicProcedure
    .input(SignUpInput)
    .use(rateLimitedByAddress('signUpIp'))
    .mutation(async ({ ctx, input }) => {
      const { appended } = await signUp(ctx.prisma, input);
      await publishEvents(ctx, appended);
      return { ok: true as const };
    }),

  me: publicProcedure.query(({ ctx }) => ctx.session),
} satisfies TRPCRouterRecord;
