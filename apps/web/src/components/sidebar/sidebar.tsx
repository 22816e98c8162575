'use client';

import type { RouterOutputs, Session } from '@spotter/api';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { badgeFor } from '@/chat/read-badge';
import { useFeedEvents } from '@/chat/use-feed';
import { type FriendEntry, incomingCount, useFriends } from '@/chat/use-friends';
import { useMyEvents } from '@/chat/use-my-events';
import { useReadStates } from '@/chat/use-read-states';
import { useTRPC } from '@/trpc/react';
import { ChannelIcon } from '../channel-icon';
import { NotificationBell } from '../notifications/notification-bell';
import { StatusMenu } from '../presence/status-menu';
import { CreateChannelForm } from './create-channel-form';
import { DmList } from './dm-list';
import { ReadStateActivity } from './read-state-activity';
import styles from './sidebar.module.css';
import { SignOutButton } from './sign-out-button';
import { UnreadBadge } from './unread-badge';

type MyChannels = RouterOutputs['channel']['listMine'];
type MyConversations = RouterOutputs['dm']['list'];

type Props = {
  me: Session;
  initialChannels: MyChannels;
  initialFriends: FriendEntry[];
  initialConversations: MyConversations;
};

export function Sidebar({ me, initialChannels, initialFriends, initialConversations }: Props) {
  const trpc = useTRPC();
  const { data: channels } = useQuery(
    trpc.channel.listMine.queryOptions(undefined, { initialData: initialChannels }),
  );
  const { data: friends } = useFriends(initialFriends);
  const incoming = incomingCount(friends);
  // Channels, conversations and friends changed on any tab, device or replica refresh the lists
  // here; notifications update the bell.
  useMyEvents();
  const readStates = useReadStates();
  // Friends' workouts and kudos: "training now" labels and the feed, live on every page.
  useFeedEvents();
  const pathname = usePathname();

  return (
    <aside className={styles.sidebar}>
      <div className={styles.brand}>
        <span className={styles.mark} aria-hidden="true">
          S
        </span>
        Spotter
        <NotificationBell />
      </div>

      <nav aria-label="People">
        <Link
          href="/friends"
          className={styles.link}
          aria-current={pathname === '/friends' ? 'page' : undefined}
        >
          <span className={styles.hash} aria-hidden="true">
            ☺
          </span>
          Friends
          {incoming > 0 && (
            <span className={styles.badge} data-testid="friends-badge">
              {incoming}
              <span className="visually-hidden"> pending {incoming === 1 ? 'request' : 'requests'}</span>
            </span>
          )}
        </Link>
        <Link
          href="/workouts"
          className={styles.link}
          aria-current={pathname.startsWith('/workouts') ? 'page' : undefined}
        >
          <span className={styles.hash} aria-hidden="true">
            ⚒
          </span>
          Workouts
        </Link>
        <Link href="/feed" className={styles.link} aria-current={pathname === '/feed' ? 'page' : undefined}>
          <span className={styles.hash} aria-hidden="true">
            ↑
          </span>
          Feed
        </Link>
      </nav>

      <nav aria-label="Channels">
        <h2 className={styles.heading}>Channels</h2>
        {channels.length === 0 && <p className={styles.empty}>You have not joined any channel yet.</p>}
        <ul className={styles.list}>
          {channels.map((channel) => {
            const href = `/c/${channel.slug}`;
            const badge = badgeFor(readStates.get(channel.id), 'CHANNEL');
            return (
              <li key={channel.id} className={styles.item}>
                <Link
                  href={href}
                  className={`${styles.link} ${badge.isBold ? styles.unread : ''}`}
                  aria-current={pathname === href ? 'page' : undefined}
                  data-unread={badge.isBold || undefined}
                >
                  <ChannelIcon visibility={channel.visibility} className={styles.hash} />
                  {channel.name}
                </Link>
                <UnreadBadge badge={badge} label="mentions" />
              </li>
            );
          })}
        </ul>
        <Link
          href="/browse"
          className={`${styles.link} ${styles.browse}`}
          aria-current={pathname === '/browse' ? 'page' : undefined}
        >
          <span className={styles.hash} aria-hidden="true">
            +
          </span>
          Browse channels
        </Link>
        <CreateChannelForm />
      </nav>

      <DmList me={me} initial={initialConversations} />
      <ReadStateActivity />

      <div className={styles.me}>
        <Link href="/settings/profile" className={styles.name} title={`${me.email} — edit your profile`}>
          {me.name}
        </Link>
        <SignOutButton />
        <div className={styles.status}>
          <StatusMenu me={me} />
          {/* Where profile, sessions and API tokens live, in plain sight rather than only behind the name. */}
          <Link
            href="/settings/profile"
            className={`button button-quiet ${styles.settings}`}
            aria-current={pathname.startsWith('/settings') ? 'page' : undefined}
            title="Settings"
          >
            <span aria-hidden="true">⚙</span>
            <span className="visually-hidden">Settings</span>
          </Link>
        </div>
      </div>
    </aside>
  );
}
