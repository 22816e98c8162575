'use client';

import { useState } from 'react';
import { type FriendEntry, incomingCount, useFriends } from '@/chat/use-friends';
import { describeError } from '@/trpc/error-message';
import { AddFriendForm } from './add-friend-form';
import { FindPeople } from './find-people';
import styles from './friends.module.css';
import { PersonRow } from './person-row';
import { type FriendAction, useFriendAction } from './use-friend-action';

const TABS = [
  { id: 'all', label: 'All friends' },
  { id: 'pending', label: 'Pending' },
  { id: 'blocked', label: 'Blocked' },
] as const;
type Tab = (typeof TABS)[number]['id'];

const sinceFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** The Friends page: friends, requests both ways and blocks in tabs; add by username; find people. */
export function FriendsView() {
  const [tab, setTab] = useState<Tab>('all');
  const { data: entries, error } = useFriends();
  const action = useFriendAction();
  const incoming = incomingCount(entries);

  const button = (entry: FriendEntry, what: FriendAction, label: string, quiet = true) => (
    <button
      type="button"
      className={`button ${quiet ? 'button-quiet' : ''}`}
      disabled={action.isPending}
      aria-label={`${label} ${entry.user.name}`}
      onClick={() => action.mutate({ action: what, userId: entry.user.id })}
    >
      {label}
    </button>
  );
  const of = (...kinds: FriendEntry['kind'][]) =>
    entries?.filter((entry) => kinds.includes(entry.kind)) ?? [];

  const panels: Record<Tab, { rows: FriendEntry[]; empty: string }> = {
    all: { rows: of('FRIEND'), empty: 'No friends yet. Add someone by their username below.' },
    pending: { rows: of('INCOMING', 'OUTGOING'), empty: 'No pending requests.' },
    blocked: { rows: of('BLOCKED'), empty: 'You have not blocked anyone.' },
  };
  const panel = panels[tab];

  return (
    <div className={styles.page}>
      <h1 className={styles.title}>Friends</h1>
      <div role="tablist" aria-label="Friends" className={styles.tabs}>
        {TABS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`friends-tab-${id}`}
            aria-selected={tab === id}
            aria-controls="friends-panel"
            className={styles.tab}
            onClick={() => setTab(id)}
          >
            {label}
            {id === 'pending' && incoming > 0 && <span className={styles.count}> ({incoming})</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="friends-panel" aria-labelledby={`friends-tab-${tab}`}>
        {error && (
          <p role="alert" className="error">
            {describeError(error)}
          </p>
        )}
        {action.error && (
          <p role="alert" className="error">
            {describeError(action.error)}
          </p>
        )}
        {entries && panel.rows.length === 0 && <p className={styles.empty}>{panel.empty}</p>}
        {panel.rows.length > 0 && (
          <ul className={styles.list} data-testid={`friends-${tab}`}>
            {panel.rows.map((entry) => (
              <PersonRow
                key={entry.user.id}
                person={entry.user}
                detail={
                  entry.kind === 'INCOMING'
                    ? 'wants to be your friend'
                    : entry.kind === 'OUTGOING'
                      ? 'request sent'
                      : entry.kind === 'FRIEND'
                        ? `friends since ${sinceFormat.format(entry.since)}`
                        : undefined
                }
              >
                {entry.kind === 'INCOMING' && (
                  <>
                    {button(entry, 'accept', 'Accept', false)}
                    {button(entry, 'decline', 'Decline')}
                  </>
                )}
                {entry.kind === 'OUTGOING' && button(entry, 'cancel', 'Cancel')}
                {entry.kind === 'FRIEND' && button(entry, 'remove', 'Remove')}
                {entry.kind === 'BLOCKED' && button(entry, 'unblock', 'Unblock')}
              </PersonRow>
            ))}
          </ul>
        )}
      </div>
      <AddFriendForm />
      <FindPeople />
    </div>
  );
}
