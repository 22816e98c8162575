import { redirect } from 'next/navigation';
import { callerFor } from '@/server/caller';
import { getSession } from '@/server/session';

/** Signed in: your first channel (or the directory if you have none). Otherwise: sign in. */
export default async function Home() {
  const session = await getSession();
  if (!session) redirect('/login');
  const [first] = await callerFor(session).channel.listMine();
  redirect(first ? `/c/${first.slug}` : '/browse');
}
