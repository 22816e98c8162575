'use client';

import type { RouterOutputs } from '@spotter/api';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/trpc/react';
import { Avatar } from '../avatar';
import { MessageButton } from '../dm/message-button';
import { TrainingNowLabel } from '../feed/training-now-label';
import { WorkoutList } from '../feed/workout-list';
import { PresenceDot } from '../presence/presence-dot';
import styles from './profile.module.css';
import { RelationshipButtons } from './relationship-buttons';

type Profile = RouterOutputs['profile']['get'];

const RELATIONSHIP_TEXT: Record<NonNullable<Profile['relationship']>, string> = {
  FRIEND: 'Friends',
  OUTGOING: 'Friend request sent',
  INCOMING: 'Wants to be your friend',
  BLOCKED: 'Blocked',
};

const joinedFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });

/**
 * Someone's profile page: picture, names, bio, gym, what one can do about them, and their finished
 * workouts as far as one may see them.
 */
export function ProfileView({ initial, meId }: { initial: Profile; meId: string }) {
  const trpc = useTRPC();
  // Reread when the relationship changes (useMyEvents invalidates profile.get), on any tab.
  const { data: profile } = useQuery(
    trpc.profile.get.queryOptions({ username: initial.username }, { initialData: initial }),
  );
  const isMe = profile.id === meId;

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Avatar userId={profile.id} name={profile.name} avatarUrl={profile.avatarUrl} size="large" />
        <div className={styles.names}>
          <h1 className={styles.name}>
            {profile.name} <PresenceDot userId={profile.id} name={profile.name} />
            <TrainingNowLabel userId={profile.id} />
          </h1>
          <p className={styles.handle}>@{profile.username}</p>
          {profile.relationship && (
            <p className={styles.status} data-testid="relationship">
              {RELATIONSHIP_TEXT[profile.relationship]}
            </p>
          )}
        </div>
      </header>
      {/* Actions on this person: a friend can be messaged; the relationship's own buttons follow. */}
      <div className={styles.actions} data-testid="profile-actions">
        {isMe ? (
          <Link href="/settings/profile" className="button button-quiet">
            Edit profile
          </Link>
        ) : (
          <>
            {profile.relationship === 'FRIEND' && <MessageButton userId={profile.id} />}
            <RelationshipButtons profile={profile} />
          </>
        )}
      </div>
      <dl className={styles.facts}>
        {profile.bio && (
          <>
            <dt>About</dt>
            <dd className={styles.bio}>{profile.bio}</dd>
          </>
        )}
        {profile.homeGym && (
          <>
            <dt>Home gym</dt>
            <dd>{profile.homeGym}</dd>
          </>
        )}
        <dt>Member since</dt>
        <dd>{joinedFormat.format(profile.createdAt)}</dd>
      </dl>
      <section className={styles.workouts} aria-labelledby="profile-workouts">
        <h2 id="profile-workouts" className={styles.sectionTitle}>
          Workouts
        </h2>
        <WorkoutList
          myId={meId}
          ownerId={profile.id}
          label={`Workouts of ${profile.name}`}
          emptyText={isMe ? 'No finished workouts yet.' : 'No workouts to show yet.'}
        />
      </section>
    </div>
  );
}
