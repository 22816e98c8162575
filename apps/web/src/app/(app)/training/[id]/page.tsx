import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TrainingView } from '@/components/training/training-view';
import { callerFor } from '@/server/caller';
import { requireSession } from '@/server/session';

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: 'Training together' };

export default async function TrainingPage({ params }: Props) {
  const { id } = await params;
  const session = await requireSession();
  const initial = await callerFor(session)
    .training.get({ sessionId: decodeURIComponent(id) })
    .catch((error: unknown) => {
      // Not invited, left, or no such session: all "no such session".
      const code = (error as { code?: unknown }).code;
      if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') notFound();
      throw error;
    });
  return <TrainingView key={initial.id} initial={initial} myId={session.userId} />;
}
