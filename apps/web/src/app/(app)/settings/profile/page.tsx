import type { Metadata } from 'next';
import { ProfileSettings } from '@/components/profile/profile-settings';
import { UnitsSettings } from '@/components/workouts/units-settings';
import { callerFor } from '@/server/caller';
import { requireSession } from '@/server/session';

export const metadata: Metadata = { title: 'Your profile' };

export default async function ProfileSettingsPage() {
  const session = await requireSession();
  const caller = callerFor(session);
  const [profile, units] = await Promise.all([
    caller.profile.get({ userId: session.userId }),
    caller.me.units(),
  ]);
  return (
    <ProfileSettings initial={profile}>
      <UnitsSettings initial={units} />
    </ProfileSettings>
  );
}
