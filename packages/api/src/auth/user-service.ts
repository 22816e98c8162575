import { type Database, hashPassword, needsRehash, verifyAgainstDecoy, verifyPassword } from '@spotter/db';
import { joinChannel } from '../channel/members';
import type { Session } from '../context';
import { AppError, isUniqueViolation } from '../errors';
import { HOME_CHANNEL_SLUG } from '../me/home';
import { freeUsername, usernameFromEmail } from '../profile/username';
import type { Appended } from '../streams/publish';
import { assertStrongPassword } from './password-policy';

/**
 * Creates an account (emails and usernames compare case-insensitively) and puts it in #general, so
 * a new person lands in a conversation rather than an empty directory. Without a chosen username
 * one is made from the email.
 *
 * An email that already has an account gets the same answer, after the same work (the password is
 * hashed either way), as one that does not: sign-up must not tell anyone which emails are registered.
 * Its owner finds out by signing in; someone else's sign-in then fails like any wrong password.
 */
export async function signUp(
  prisma: Database,
  input: { email: string; name: string; password: string; username?: string | undefined },
): Promise<{ session: Session | null; appended: Appended[] }> {
  const email = input.email.toLowerCase();
  await assertStrongPassword(input.password, [email, input.name, input.username ?? '']);
  const passwordHash = await hashPassword(input.password);
  const username = input.username ?? (await freeUsername(prisma, usernameFromEmail(email)));
  let session: Session;
  try {
    const user = await prisma.user.create({
      data: { email, username, name: input.name, passwordHash },
      select: { id: true, email: true, name: true },
    });
    session = { userId: user.id, email: user.email, name: user.name };
  } catch (error) {
    if (isUniqueViolation(error, 'email')) return { session: null, appended: [] };
    if (isUniqueViolation(error, 'username')) {
      throw new AppError('CONFLICT', `The username "${username}" is taken. Pick another.`);
    }
    throw error;
  }
  const home = await prisma.channel.findUnique({ where: { slug: HOME_CHANNEL_SLUG }, select: { id: true } });
  if (!home) return { session, appended: [] };
  const { appended } = await joinChannel(prisma, session.userId, home.id);
  return { session, appended };
}

/**
 * Checks credentials; answers null for an unknown email and a wrong password alike, in the same time
 * (an unknown email is checked against a decoy hash). A hash made at an older, cheaper cost is
 * replaced by one at today's cost while the password is at hand.
 */
export async function authenticate(
  prisma: Database,
  input: { email: string; password: string },
): Promise<Session | null> {
  const user = await prisma.user.findUnique({
    where: { email: input.email.toLowerCase() },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  if (!user) return verifyAgainstDecoy(input.password).then(() => null);
  if (!(await verifyPassword(input.password, user.passwordHash))) return null;
  if (needsRehash(user.passwordHash)) {
    await prisma.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword(input.password) },
    });
  }
  return { userId: user.id, email: user.email, name: user.name };
}
