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
    // A private channel you are not in answers like one that does not exist (./not-found.tsx).
    // Not `instanceof TRPCError`: the caller's errors come from the server's copy of @trpc/server.
    if ((error as { code?: unknown }).code === 'NOT_FOUND') notFound();
    throw error;
  });
  // The next sign-in lands here (me.home); only channels you are in are remembered.
  if (channel.role) await caller.me.rememberChannel({ channelId: channel.id });
  // Keyed by channel: a new channel gets a fresh message store and subscriptions.
  return <ChannelView key={channel.id} channel={channel} me={session} />;
}
