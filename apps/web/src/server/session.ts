import type { Session } from '@spotter/api';
import { redirect } from 'next/navigation';
import { getServerSession } from 'next-auth';
import { getAuthOptions } from './auth-options';

/** The signed-in user of this request (server components and route handlers), or null. */
export async function getSession(): Promise<Session | null> {
  const session = await getServerSession(getAuthOptions());
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { userId: user.id, email: user.email, name: user.name ?? user.email };
}

/** For protected pages: the session, or a redirect to /login. */
export async function requireSession(): Promise<Session> {
  const session = await getSession();
  if (!session) redirect('/login');
  return session;
}
