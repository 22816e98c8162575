'use client';

import { getSession } from 'next-auth/react';
import { useEffect } from 'react';
import { toSignIn } from '@/trpc/signed-out';

/**
 * Asks next-auth for the session once per page load: it re-issues the cookie for another 7 days
 * (the sliding expiry), and a tab whose sign-in ended meanwhile goes to the sign-in page.
 */
export function KeepSession() {
  useEffect(() => {
    void getSession().then((session) => {
      if (!session) toSignIn();
    });
  }, []);
  return null;
}
