import { type Database, hashPassword, verifyPassword } from '@spotter/db';
import { TRPCError } from '@trpc/server';
import type { Session } from '../context';

/** Creates an account; emails are compared case-insensitively. */
export async function signUp(
  prisma: Database,
  input: { email: string; name: string; password: string },
): Promise<Session> {
  const email = input.email.toLowerCase();
  try {
    const user = await prisma.user.create({
      data: { email, name: input.name, passwordHash: await hashPassword(input.password) },
      select: { id: true, email: true, name: true },
    });
    return { userId: user.id, email: user.email, name: user.name };
  } catch (error) {
    if ((error as { code?: unknown }).code === 'P2002') {
      throw new TRPCError({
        code: 'CONFLICT',
        message: 'An account with this email already exists. Sign in instead.',
      });
    }
    throw error;
  }
}

/** Checks credentials; answers null for an unknown email and a wrong password alike. */
export async function authenticate(
  prisma: Database,
  input: { email: string; password: string },
): Promise<Session | null> {
  const user = await prisma.user.findUnique({
    where: { email: input.email.toLowerCase() },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  if (!user || !(await verifyPassword(input.password, user.passwordHash))) return null;
  return { userId: user.id, email: user.email, name: user.name };
}
