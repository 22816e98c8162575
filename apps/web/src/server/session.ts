import type { Session } from '@spotter/api';
import { redirect } from 'next/navigation';
import { getServerSession } from 'next-auth';
import { getAuthOptions } from './auth-options';
import { getWebRuntime } from './runtime';

/** The signed-in user of this request (server components and route handlers), or null. */
export async function getSession(): Promise<Session | null> {
  const session = await getServerSession(getAuthOptions());
  const user = session?.user;
  if (!user?.id || !user.email || !session?.sid) return null;
  const signedIn = { userId: user.id, email: user.email, name: user.name ?? user.email };
  // Revoked ("sign out everywhere", a password change, signed out elsewhere): signed out here too.
  return (await getWebRuntime().isSessionLive(signedIn, session.sid)) ? signedIn : null;
}

/** For protected pages: the session, or a redirect to /login. */
export async function requireSession(): Promise<Session> {
  const session = await getSession();
  if (!session) redirect('/login');
  return session;
}
