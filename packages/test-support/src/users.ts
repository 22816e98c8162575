import { issueSessionToken, openSignInSession, type Session } from '@spotter/api';
import type { Database } from '@spotter/db';
import { testIdentity } from '@spotter/db/testing';

/**
 * Creates a user straight in the database and a signed-in session for them (a SignInSession row and
 * its JWT in next-auth's format), which every replica accepts as `connectionParams.token` or
 * `Authorization: Bearer`, and which "sign out everywhere" revokes like a browser's.
 */
export async function createUserWithToken(
  prisma: Database,
  secret: string,
  name: string,
): Promise<{ session: Session; token: string; sessionId: string }> {
  const { email, username } = testIdentity(name);
  const user = await prisma.user.create({ data: { email, username, name, passwordHash: 'not-a-login' } });
  const session: Session = { userId: user.id, name, email };
  return { session, ...(await signIn(prisma, secret, session)) };
}

/** Another sign-in of an existing user (a second browser or device). */
export async function signIn(
  prisma: Database,
  secret: string,
  session: Session,
  userAgent = 'test-support',
): Promise<{ token: string; sessionId: string }> {
  const { sessionId } = await openSignInSession(prisma, session.userId, userAgent);
  return { token: await issueSessionToken(session, sessionId, secret), sessionId };
}
