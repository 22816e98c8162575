import type { Metadata } from 'next';
import { WorkoutLogger } from '@/components/workouts/workout-logger';
import { callerFor } from '@/server/caller';
import { requireSession } from '@/server/session';

export const metadata: Metadata = { title: 'Workouts' };

export default async function WorkoutsPage() {
  const session = await requireSession();
  const caller = callerFor(session);
  const [active, units] = await Promise.all([caller.workout.active(), caller.me.units()]);
  return <WorkoutLogger initial={active} units={units} />;
}
