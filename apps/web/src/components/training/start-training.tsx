'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPCClient } from '@/trpc/react';
import { StartRefusal } from '../workouts/start-refusal';

/** Opens a live session with the signed-in user training in it, then shows it (to invite friends). */
export function StartTraining() {
  const client = useTRPCClient();
  const router = useRouter();
  const start = useMutation({
    mutationFn: () => client.training.create.mutate({}),
    onSuccess: ({ sessionId }) => router.push(`/training/${sessionId}`),
  });
  return (
    <div>
      <button type="button" className="button" onClick={() => start.mutate()} disabled={start.isPending}>
        Train together
      </button>
      {start.error && <StartRefusal error={start.error} />}
    </div>
  );
}
