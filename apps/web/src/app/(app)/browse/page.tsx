import type { Metadata } from 'next';
import { BrowseChannels } from '@/components/browse/browse-channels';

export const metadata: Metadata = { title: 'Browse channels' };

export default function BrowsePage() {
  return <BrowseChannels />;
}
