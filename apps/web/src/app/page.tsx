import { redirect } from 'next/navigation';
import { callerFor } from '@/server/caller';
import { getSession } from '@/server/session';

/**
 * Signed in: the channel to land on (the last one visited, else #general, else your first) or the
 * directory when you are in none. Otherwise: sign in.
 */
export default async function Home() {
  const session = await getSession();
  if (!session) redirect('/login');
  const slug = await callerFor(session).me.home();
  redirect(slug ? `/c/${slug}` : '/browse');
}
