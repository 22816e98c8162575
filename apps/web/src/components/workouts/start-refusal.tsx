import { TRPCClientError } from '@trpc/client';
import Link from 'next/link';
import { describeError } from '@/trpc/error-message';

/**
 * Why a workout could not start. Refused because one is already going (CONFLICT, one active workout
 * per person), it links to that workout: one step away rather than somewhere to find.
 */
export function StartRefusal({ error }: { error: unknown }) {
  const isConflict = error instanceof TRPCClientError && error.data?.code === 'CONFLICT';
  return (
    <p role="alert" className="error">
      {describeError(error)} {isConflict && <Link href="/workouts">Open your workout</Link>}
    </p>
  );
}
