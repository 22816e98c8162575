'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { type ToggleEvent, useId, useState } from 'react';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import { Avatar } from '../avatar';
import { PresenceDot } from '../presence/presence-dot';
import styles from './profile.module.css';

/**
 * A message author's name that opens their profile card. The card is a native popover: the browser
 * handles light dismiss, Escape and returning focus; it is read only once opened.
 */
export function AuthorName({
  userId,
  name,
  className,
}: {
  userId: string;
  name: string;
  className?: string;
}) {
  const id = useId();
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={`${styles.authorButton} ${className ?? ''}`}
        popoverTarget={id}
        aria-haspopup="dialog"
      >
        {name}
      </button>
      <div
        id={id}
        popover="auto"
        role="dialog"
        aria-label={`Profile of ${name}`}
        className={styles.card}
        data-testid="profile-card"
        onToggle={(event: ToggleEvent<HTMLDivElement>) => setOpen(event.newState === 'open')}
      >
        {isOpen && <ProfileCardBody userId={userId} />}
      </div>
    </>
  );
}

function ProfileCardBody({ userId }: { userId: string }) {
  const trpc = useTRPC();
  const { data: profile, error } = useQuery(trpc.profile.get.queryOptions({ userId }));
  if (error) return <p className="error">{describeError(error)}</p>;
  if (!profile) return <p className={styles.cardText}>Loading…</p>;
  return (
    <>
      <div className={styles.cardHeader}>
        <Avatar userId={profile.id} name={profile.name} avatarUrl={profile.avatarUrl} />
        <div>
          <p className={styles.cardName}>
            {profile.name} <PresenceDot userId={profile.id} name={profile.name} />
          </p>
          <p className={styles.handle}>@{profile.username}</p>
        </div>
      </div>
      {profile.bio && <p className={styles.cardText}>{profile.bio}</p>}
      {profile.homeGym && <p className={styles.cardText}>Trains at {profile.homeGym}</p>}
      <p className={styles.cardText}>
        <Link href={`/u/${profile.username}`}>View profile</Link>
      </p>
    </>
  );
}
