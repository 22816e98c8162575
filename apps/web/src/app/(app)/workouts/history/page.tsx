import type { Metadata } from 'next';
import { WorkoutHistory } from '@/components/workouts/workout-history';
import { callerFor } from '@/server/caller';
import { requireSession } from '@/server/session';

export const metadata: Metadata = { title: 'Workout history' };

export default async function WorkoutHistoryPage() {
  const session = await requireSession();
  const caller = callerFor(session);
  const [units, summary, history] = await Promise.all([
    caller.me.units(),
    caller.stats.summary(),
    caller.workout.history({}),
  ]);
  return <WorkoutHistory units={units} summary={summary} history={history} />;
}
