'use client';

import type { PresenceStatus } from '@spotter/api';
import { usePresence } from '@/chat/presence-provider';
import styles from './presence.module.css';

export const PRESENCE_LABELS: Record<PresenceStatus, string> = {
  online: 'online',
  idle: 'idle',
  dnd: 'do not disturb',
  offline: 'offline',
};

/**
 * A coloured dot for a person's presence, read out as "Bob is idle". Nothing for people whose
 * presence this user may not see (strangers, anyone in a block).
 */
export function PresenceDot({ userId, name }: { userId: string; name: string }) {
  const status = usePresence(userId);
  if (!status) return null;
  return (
    <span
      className={`${styles.dot} ${styles[status]}`}
      role="img"
      aria-label={`${name} is ${PRESENCE_LABELS[status]}`}
      title={PRESENCE_LABELS[status]}
      data-testid="presence-dot"
      data-status={status}
    />
  );
}
