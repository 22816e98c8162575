import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProfileView } from '@/components/profile/profile-view';
import { callerFor } from '@/server/caller';
import { requireSession } from '@/server/session';

type Props = { params: Promise<{ username: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `@${decodeURIComponent((await params).username)}` };
}

export default async function ProfilePage({ params }: Props) {
  const username = decodeURIComponent((await params).username);
  const session = await requireSession();
  const profile = await callerFor(session)
    .profile.get({ username })
    .catch((error: unknown) => {
      // Unknown, malformed, or someone who blocked the viewer: all "no such person" (./not-found.tsx).
      const code = (error as { code?: unknown }).code;
      if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') notFound();
      throw error;
    });
  return <ProfileView key={profile.id} initial={profile} meId={session.userId} />;
}
