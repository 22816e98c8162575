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
  const { status, isDelayed } = useConnection();
  const isDegraded = status === 'connected' && isDelayed;
  return (
    <span
      data-testid="connection-status"
      data-state={status}
      data-delivery={isDegraded ? 'delayed' : 'live'}
      role="status"
      className={styles.status}
      title={
        isDegraded
          ? 'The server’s event bus is down: new messages arrive a little later than usual.'
          : undefined
      }
    >
      <span className={styles.dot} aria-hidden="true" />
      {isDegraded ? 'Live updates delayed' : LABELS[status]}
    </span>
  );
}
