'use client';

import { type ConnectionStatus as Status, useConnection } from '@/trpc/connection';
import styles from './channel.module.css';

const LABELS: Record<Status, string> = {
  connected: 'Connected',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
};

/** The realtime socket's state, so nobody mistakes a silent channel for a dead connection. */
export function ConnectionStatus() {
  const { status } = useConnection();
  return (
    <span data-testid="connection-status" data-state={status} role="status" className={styles.status}>
      <span className={styles.dot} aria-hidden="true" />
      {LABELS[status]}
    </span>
  );
}
