import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ChannelView } from '@/components/channel/channel-view';
import { callerFor } from '@/server/caller';
import { requireSession } from '@/server/session';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `#${(await params).slug}` };
}

export default async function ChannelPage({ params }: Props) {
  const { slug } = await params;
  const session = await requireSession();
  const caller = callerFor(session);
  const channel = await caller.channel.get({ slug }).catch((error: unknown) => {
    // Not `instanceof TRPCError`: the caller's errors come from the server's copy of @trpc/server.
    if ((error as { code?: unknown }).code === 'NOT_FOUND') notFound();
    throw error;
  });
  // Keyed by channel: a new channel gets a fresh message store and subscriptions.
  return <ChannelView key={channel.id} channel={channel} me={session} />;
}
