'use client';

import { useEffect, useState } from 'react';
import { formatDuration } from './format';
import styles from './workouts.module.css';

/**
 * Counts down the rest after a set from the moment it was logged (`endsAt`), so a tab throttled in
 * the background still shows the right time when it comes back.
 */
export function RestTimer({ endsAt, onDone }: { endsAt: number; onDone: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.ceil((endsAt - now) / 1000));
  return (
    <p className={styles.row}>
      <span role="timer" aria-label="Rest timer" className={styles.timer}>
        Rest {left > 0 ? formatDuration(left) : 'over — next set!'}
      </span>
      <button type="button" className="button button-quiet" onClick={onDone}>
        {left > 0 ? 'Skip rest' : 'Dismiss'}
      </button>
    </p>
  );
}
