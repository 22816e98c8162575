import { issueSessionToken, type Session } from '@spotter/api';
import type { Database } from '@spotter/db';
import { testIdentity } from '@spotter/db/testing';

/**
 * Creates a user straight in the database and a session token for them in next-auth's format,
 * which every replica accepts as `connectionParams.token` or `Authorization: Bearer`.
 */
export async function createUserWithToken(
  prisma: Database,
  secret: string,
  name: string,
): Promise<{ session: Session; token: string }> {
  const { email, username } = testIdentity(name);
  const user = await prisma.user.create({ data: { email, username, name, passwordHash: 'not-a-login' } });
  const session: Session = { userId: user.id, name, email };
  return { session, token: await issueSessionToken(session, secret) };
}
