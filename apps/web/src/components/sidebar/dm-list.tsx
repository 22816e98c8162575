'use client';

import type { Session } from '@spotter/api';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { type ConversationView, conversationName } from '@/chat/conversation-name';
import { byRecentActivity } from '@/chat/conversation-order';
import { badgeFor } from '@/chat/read-badge';
import { useReadStates } from '@/chat/use-read-states';
import { NewMessage } from '@/components/dm/new-message';
import { PresenceDot } from '@/components/presence/presence-dot';
import { useTRPC } from '@/trpc/react';
import styles from './sidebar.module.css';
import { UnreadBadge } from './unread-badge';

/**
 * The signed-in user's direct and group conversations, newest activity first, moving up live as
 * messages arrive (see byRecentActivity). The personal stream (useMyEvents, mounted by the sidebar)
 * rereads the list when one is added, left or renamed.
 */
export function DmList({ me, initial }: { me: Session; initial: ConversationView[] }) {
  const trpc = useTRPC();
  const { data: listed } = useQuery(trpc.dm.list.queryOptions(undefined, { initialData: initial }));
  const readStates = useReadStates();
  const conversations = byRecentActivity(listed, (id) => readStates.get(id)?.lastMessageAt);
  const pathname = usePathname();

  return (
    <nav aria-labelledby="dm-heading">
      <h2 id="dm-heading" className={styles.heading}>
        Direct messages
      </h2>
      {conversations.length === 0 && <p className={styles.empty}>No conversations yet.</p>}
      <ul className={styles.list} data-testid="dm-list">
        {conversations.map((conversation) => {
          const href = `/dm/${conversation.id}`;
          const partner =
            conversation.kind === 'DIRECT' ? conversation.members.find((m) => m.id !== me.userId) : undefined;
          const badge = badgeFor(readStates.get(conversation.id), conversation.kind);
          return (
            <li key={conversation.id} className={styles.item}>
              <Link
                href={href}
                className={`${styles.link} ${badge.isBold ? styles.unread : ''}`}
                aria-current={pathname === href ? 'page' : undefined}
                data-unread={badge.isBold || undefined}
              >
                <span className={styles.hash} aria-hidden="true">
                  {conversation.kind === 'GROUP' ? '◎' : '@'}
                </span>
                {conversationName(conversation, me.userId)}
              </Link>
              {/* Beside the link, like the badge, so the link's name stays the conversation's name;
                  drawn over the link's right end, where the badge is. */}
              {partner && (
                <span className={styles.itemPresence}>
                  <PresenceDot userId={partner.id} name={partner.name} />
                </span>
              )}
              <UnreadBadge badge={badge} label="messages" />
            </li>
          );
        })}
      </ul>
      <NewMessage />
    </nav>
  );
}
