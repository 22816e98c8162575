import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DmView } from '@/components/dm/dm-view';
import { callerFor } from '@/server/caller';
import { requireSession } from '@/server/session';

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: 'Direct messages' };

export default async function ConversationPage({ params }: Props) {
  const { id } = await params;
  const session = await requireSession();
  const conversation = await callerFor(session)
    .dm.get({ conversationId: id })
    .catch((error: unknown) => {
      // Not a member (or no such conversation): answered alike, so nothing is revealed.
      // Not `instanceof TRPCError`: the caller's errors come from the server's copy of @trpc/server.
      if ((error as { code?: unknown }).code === 'NOT_FOUND') notFound();
      throw error;
    });
  // Keyed by conversation: a new one gets a fresh message store and subscriptions.
  return <DmView key={conversation.id} initial={conversation} me={session} />;
}
