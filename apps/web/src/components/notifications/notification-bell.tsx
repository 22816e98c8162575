'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useUnreadCount } from '@/chat/use-notifications';
import styles from './notifications.module.css';
import { useTitleCount } from './title-count';

/** The bell in the sidebar's header: the unread count (also in the tab's title), opening the list. */
export function NotificationBell() {
  const count = useUnreadCount();
  const pathname = usePathname();
  useTitleCount(count);
  return (
    <Link
      href="/notifications"
      className={styles.bell}
      aria-current={pathname === '/notifications' ? 'page' : undefined}
      aria-label={count > 0 ? `Notifications, ${count} unread` : 'Notifications'}
    >
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {count > 0 && (
        <span className={styles.count} data-testid="notification-count">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
