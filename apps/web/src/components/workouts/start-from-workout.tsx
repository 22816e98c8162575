'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPC } from '@/trpc/react';
import { StartRefusal } from './start-refusal';

/**
 * Starts a new workout with this one's exercises (no sets), then opens the logger: "Repeat workout"
 * on one's own, "Do this workout" on a friend's, as Hevy copies a workout into a new one.
 */
export function StartFromWorkout({ workoutId, isOwn }: { workoutId: string; isOwn: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const start = useMutation(
    trpc.workout.start.mutationOptions({
      onSuccess: async () => {
        // The logger shows the cached active workout (none, before this) until it is asked again.
        await queryClient.invalidateQueries({ queryKey: trpc.workout.active.queryKey() });
        router.push('/workouts');
      },
    }),
  );
  return (
    <div>
      <button
        type="button"
        className="button"
        onClick={() => start.mutate({ fromWorkoutId: workoutId })}
        disabled={start.isPending}
      >
        {isOwn ? 'Repeat workout' : 'Do this workout'}
      </button>
      {start.error && <StartRefusal error={start.error} />}
    </div>
  );
}
