import type { Badge } from '@/chat/read-badge';
import styles from './sidebar.module.css';

/**
 * The number pill of a conversation in the sidebar, read out as "N unread". It sits beside the link,
 * over its right end, so the link's name stays the conversation's name.
 */
export function UnreadBadge({ badge, label }: { badge: Badge; label: 'mentions' | 'messages' }) {
  if (badge.count === 0) return null;
  const unit = label === 'mentions' ? (badge.count === 1 ? 'mention' : 'mentions') : 'unread';
  return (
    <span className={`${styles.badge} ${styles.itemBadge}`} data-testid="unread-badge">
      {badge.count > 999 ? '999+' : badge.count}
      <span className="visually-hidden"> {unit}</span>
    </span>
  );
}
