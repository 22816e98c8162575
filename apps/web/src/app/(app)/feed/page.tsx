import type { Metadata } from 'next';
import { FeedView } from '@/components/feed/feed-view';
import { requireSession } from '@/server/session';

export const metadata: Metadata = { title: 'Feed' };

export default async function FeedPage() {
  const session = await requireSession();
  return <FeedView myId={session.userId} />;
}
