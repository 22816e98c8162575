import type { Metadata } from 'next';
import { ProfileSettings } from '@/components/profile/profile-settings';
import { callerFor } from '@/server/caller';
import { requireSession } from '@/server/session';

export const metadata: Metadata = { title: 'Your profile' };

export default async function ProfileSettingsPage() {
  const session = await requireSession();
  const profile = await callerFor(session).profile.get({ userId: session.userId });
  return <ProfileSettings initial={profile} />;
}
