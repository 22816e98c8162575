'use client';

import { useMutation } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { describeError } from '@/trpc/error-message';
import { useTRPCClient } from '@/trpc/react';

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
      {start.error && (
        <p role="alert" className="error">
          {describeError(start.error)}{' '}
          {/* The workout already going is one step away rather than somewhere to find. */}
          {isConflict(start.error) && <Link href="/workouts">Open your workout</Link>}
        </p>
      )}
    </div>
  );
}

/** Refused because the user already has a workout going (the only conflict of training.create). */
function isConflict(error: unknown): boolean {
  return error instanceof TRPCClientError && error.data?.code === 'CONFLICT';
}
