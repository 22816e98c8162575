'use client';

import { PageError } from '@/components/shell/page-error';

/**
 * A page of the app that failed (most often the database unreachable for a moment): the message
 * takes the main pane and the sidebar stays, so the person can go elsewhere or wait for the retry.
 */
export default function AppPageError({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageError error={error} retry={retry} />;
}
