'use client';

import { type ConnectionStatus as Status, useConnection } from '@/trpc/connection';
import styles from './channel.module.css';

const LABELS: Record<Status, string> = {
  connected: 'Connected',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
};

const DEGRADED = {
  paused: {
    label: 'Live updates paused',
    title: 'Part of the service is briefly out of reach: live updates start again by themselves.',
  },
  delayed: {
    label: 'Live updates delayed',
    title: 'The server’s event bus is down: new messages arrive a little later than usual.',
  },
} as const;

/** The realtime socket's state, so nobody mistakes a silent channel for a dead connection. */
export function ConnectionStatus() {
  const { status, isDelayed, isPaused } = useConnection();
  const delivery = status !== 'connected' ? 'live' : isPaused ? 'paused' : isDelayed ? 'delayed' : 'live';
  const degraded = delivery === 'live' ? null : DEGRADED[delivery];
  return (
    <span
      data-testid="connection-status"
      data-state={status}
      data-delivery={delivery}
      role="status"
      className={styles.status}
      title={degraded?.title}
    >
      <span className={styles.dot} aria-hidden="true" />
      {degraded?.label ?? LABELS[status]}
    </span>
  );
}
