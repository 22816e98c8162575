'use client';

import { useCallback, useEffect, useState } from 'react';
import { useRetryCountdown } from '@/chat/use-retry-countdown';
import styles from './page-error.module.css';

/** How often a page that failed on the server checks whether Spotter can serve it again. */
const RETRY_AFTER_MS = 5_000;

/** Whether the web app reaches its database and bus again (its readiness check, made for this). */
async function isSpotterReady(): Promise<boolean> {
  const response = await fetch('/api/health', { cache: 'no-store' }).catch(() => null);
  return response?.ok === true;
}

/** Next.js gives an error thrown while rendering on the server a `digest` (its id in the server's log). */
function failedOnServer(error: unknown): boolean {
  return error instanceof Error && 'digest' in error && typeof error.digest === 'string';
}

/**
 * What an error boundary of the app shows instead of the framework's bare "This page couldn't load":
 * what happened in Spotter's words, and the way back. A page that failed on the server (the database
 * or a server unreachable for a moment: the usual cause) comes back by itself, as chat apps do when
 * they reconnect: every few seconds it asks the web app's readiness check, and renders the page again
 * once that answers. Asking the page itself would fail again while the outage lasts, and its failure
 * would reach the layout's boundary and take the sidebar away too. Errors of the page's own code in
 * the browser (no `digest`) would only fail again: they wait for the button.
 */
export function PageError({
  error,
  retry,
  standsAlone = false,
}: {
  error: unknown;
  /** Fetches and renders the failed part of the page again (the error boundary's `retry`). */
  retry: () => void;
  /** True when not even the app shell (sidebar) could load: the message fills the window. */
  standsAlone?: boolean;
}) {
  const fromServer = failedOnServer(error);
  const [retryAt, setRetryAt] = useState<number | null>(null);

  // Each failure arms the wait, a retry that failed as well included (it arrives as a new error).
  useEffect(() => {
    if (failedOnServer(error)) setRetryAt(Date.now() + RETRY_AFTER_MS);
  }, [error]);

  const tryAgain = useCallback(() => {
    setRetryAt(null);
    retry();
  }, [retry]);

  const tryWhenReady = useCallback(async () => {
    if (await isSpotterReady()) tryAgain();
    else setRetryAt(Date.now() + RETRY_AFTER_MS);
  }, [tryAgain]);
  const secondsLeft = useRetryCountdown(retryAt, tryWhenReady);

  return (
    <section
      className={`${styles.pageError} ${standsAlone ? styles.whole : ''}`}
      aria-labelledby="page-error-title"
      data-testid="page-error"
    >
      {/* The page's own heading: the notice stands where the page would. */}
      <h1 id="page-error-title" className={styles.title}>
        This page couldn’t load
      </h1>
      <p className={styles.text}>
        {fromServer
          ? 'Spotter could not reach its server or database just now. Messages already sent are safe.'
          : 'Something went wrong on this page.'}
      </p>
      <p className={styles.text} role="status">
        {secondsLeft !== null ? `Trying again in ${secondsLeft} s…` : ''}
      </p>
      <button type="button" className="button" onClick={tryAgain}>
        Try again
      </button>
    </section>
  );
}
