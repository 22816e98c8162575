'use client';

import { useEffect, useState } from 'react';

/**
 * Whole seconds left until `retryAt` (a Date.now() time), ticking once a second; null when there is
 * nothing to wait for. A hidden tab ticks slowly, but each tick computes from the clock, so it is
 * never wrong for long.
 */
export function useRetryCountdown(retryAt: number | null, onDone: () => void): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (retryAt === null) return;
    setNow(Date.now());
    const timer = setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= retryAt) {
        clearInterval(timer);
        onDone();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [retryAt, onDone]);
  if (retryAt === null || now >= retryAt) return null;
  return Math.max(1, Math.ceil((retryAt - now) / 1000));
}
