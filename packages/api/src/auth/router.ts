import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { Username } from '../profile/username';
import { publishEvents } from '../streams/publish';
import { publicProcedure } from '../trpc';
import { signUp } from './user-service';

const Email = z.string().trim().email('Enter a valid email address.').max(254);
export const Password = z.string().min(8, 'A password needs at least 8 characters.').max(128);

export const SignUpInput = z.object({
  email: Email,
  name: z.string().trim().min(1, 'Tell us your name.').max(50),
  /** The @handle; made from the email when left out. */
  username: Username.optional(),
  password: Password,
});
export type SignUpInput = z.infer<typeof SignUpInput>;

export const authRouter = {
  /** Browsers sign in through next-auth afterwards; this only creates the account. */
  signUp: publicProcedure.input(SignUpInput).mutation(async ({ ctx, input }) => {
    const { session, appended } = await signUp(ctx.prisma, input);
    await publishEvents(ctx, appended);
    return { userId: session.userId };
  }),

  me: publicProcedure.query(({ ctx }) => ctx.session),
} satisfies TRPCRouterRecord;
