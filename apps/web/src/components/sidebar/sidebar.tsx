'use client';

import type { RouterOutputs, Session } from '@spotter/api';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { type FriendEntry, incomingCount, useFriends } from '@/chat/use-friends';
import { useMyEvents } from '@/chat/use-my-events';
import { useTRPC } from '@/trpc/react';
import { ChannelIcon } from '../channel-icon';
import { NotificationBell } from '../notifications/notification-bell';
import { CreateChannelForm } from './create-channel-form';
import { DmList } from './dm-list';
import styles from './sidebar.module.css';
import { SignOutButton } from './sign-out-button';

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
      </nav>

      <nav aria-label="Channels">
        <h2 className={styles.heading}>Channels</h2>
        {channels.length === 0 && <p className={styles.empty}>You have not joined any channel yet.</p>}
        <ul className={styles.list}>
          {channels.map((channel) => {
            const href = `/c/${channel.slug}`;
            return (
              <li key={channel.id}>
                <Link
                  href={href}
                  className={styles.link}
                  aria-current={pathname === href ? 'page' : undefined}
                >
                  <ChannelIcon visibility={channel.visibility} className={styles.hash} />
                  {channel.name}
                </Link>
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
      </nav>

      <DmList me={me} initial={initialConversations} />

      <section aria-labelledby="new-channel-heading">
        <h2 id="new-channel-heading" className={styles.heading}>
          New channel
        </h2>
        <CreateChannelForm />
      </section>

      <div className={styles.me}>
        <Link href="/settings/profile" className={styles.name} title={`${me.email} — edit your profile`}>
          {me.name}
        </Link>
        <SignOutButton />
      </div>
    </aside>
  );
}
