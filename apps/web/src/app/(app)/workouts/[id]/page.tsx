import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { WorkoutSummary } from '@/components/workouts/workout-summary';
import { callerFor } from '@/server/caller';
import { requireSession } from '@/server/session';

export const metadata: Metadata = { title: 'Workout' };

export default async function WorkoutPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await requireSession();
  const caller = callerFor(session);
  const [workout, units] = await Promise.all([
    caller.workout.get({ workoutId: id }).catch((error: unknown) => {
      // Someone else's private workout is answered as one that does not exist.
      const code = (error as { code?: unknown }).code;
      if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') notFound();
      throw error;
    }),
    caller.me.units(),
  ]);
  return <WorkoutSummary initial={workout} units={units} isOwn={workout.userId === session.userId} />;
}
