'use client';

import { PageError } from '@/components/shell/page-error';

/**
 * A page whose shell failed as well (the sidebar's channels come from the database): the message
 * fills the window, and the retry brings back the whole page, shell and all.
 */
export default function RootPageError({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageError error={error} retry={retry} standsAlone />;
}
