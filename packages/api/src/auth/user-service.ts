import { type Database, hashPassword, verifyPassword } from '@spotter/db';
import { joinChannel } from '../channel/members';
import type { Session } from '../context';
import { AppError, isUniqueViolation } from '../errors';
import { HOME_CHANNEL_SLUG } from '../me/home';
import { freeUsername, usernameFromEmail } from '../profile/username';
import type { Appended } from '../streams/publish';

/**
 * Creates an account (emails and usernames compare case-insensitively) and puts it in #general, so
 * a new person lands in a conversation rather than an empty directory. Without a chosen username
 * one is made from the email.
 */
export async function signUp(
  prisma: Database,
  input: { email: string; name: string; password: string; username?: string | undefined },
): Promise<{ session: Session; appended: Appended[] }> {
  const email = input.email.toLowerCase();
  const username = input.username ?? (await freeUsername(prisma, usernameFromEmail(email)));
  let session: Session;
  try {
    const user = await prisma.user.create({
      data: { email, username, name: input.name, passwordHash: await hashPassword(input.password) },
      select: { id: true, email: true, name: true },
    });
    session = { userId: user.id, email: user.email, name: user.name };
  } catch (error) {
    if (isUniqueViolation(error, 'username')) {
      throw new AppError('CONFLICT', `The username "${username}" is taken. Pick another.`);
    }
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', 'An account with this email already exists. Sign in instead.');
    }
    throw error;
  }
  const home = await prisma.channel.findUnique({ where: { slug: HOME_CHANNEL_SLUG }, select: { id: true } });
  if (!home) return { session, appended: [] };
  const { appended } = await joinChannel(prisma, session.userId, home.id);
  return { session, appended };
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
