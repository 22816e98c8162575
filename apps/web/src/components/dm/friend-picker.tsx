'use client';

import { type FormEvent, useId, useState } from 'react';
import { useFriends } from '@/chat/use-friends';
import { describeError } from '@/trpc/error-message';
import styles from './dm.module.css';

type Props = {
  /** Friends not to offer (already in the conversation). */
  excludeIds?: readonly string[];
  submitLabel: (count: number) => string;
  /** Offers a name field once several people are chosen (a new group). */
  isNameOffered?: boolean;
  isPending: boolean;
  error: unknown;
  onSubmit: (choice: { userIds: string[]; name: string }) => void;
  onCancel: () => void;
};

/** Choose friends by checkbox: whom to message, or whom to add to a group. */
export function FriendPicker({ excludeIds = [], submitLabel, isNameOffered, ...props }: Props) {
  const friends = useFriends();
  const [chosen, setChosen] = useState<string[]>([]);
  const nameId = useId();
  const offered = (friends.data ?? [])
    .filter((entry) => entry.kind === 'FRIEND' && !excludeIds.includes(entry.user.id))
    .map((entry) => entry.user);

  function toggle(id: string, isChecked: boolean) {
    setChosen((current) => (isChecked ? [...current, id] : current.filter((other) => other !== id)));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '');
    if (chosen.length > 0) props.onSubmit({ userIds: chosen, name });
  }

  return (
    <form className={styles.picker} onSubmit={onSubmit} data-testid="friend-picker" noValidate>
      <fieldset className={styles.label}>
        <legend>Friends</legend>
        {friends.isPending && <p className={styles.muted}>Loading your friends…</p>}
        {friends.isSuccess && offered.length === 0 && (
          <p className={styles.muted}>No friends to choose. Add friends to message them.</p>
        )}
        <ul className={styles.friends}>
          {offered.map((friend) => (
            <li key={friend.id}>
              <label className={styles.friend}>
                <input
                  type="checkbox"
                  name="userIds"
                  value={friend.id}
                  checked={chosen.includes(friend.id)}
                  onChange={(event) => toggle(friend.id, event.target.checked)}
                />
                {friend.name} <span className={styles.handle}>@{friend.username}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {isNameOffered && chosen.length > 1 && (
        <label htmlFor={nameId} className={styles.label}>
          Group name (optional)
          <input id={nameId} name="name" maxLength={50} placeholder="e.g. Squat club" />
        </label>
      )}
      {(props.error || friends.error) && (
        <p role="alert" className="error">
          {describeError(props.error ?? friends.error)}
        </p>
      )}
      <div className={styles.row}>
        <button type="submit" className="button" disabled={chosen.length === 0 || props.isPending}>
          {submitLabel(chosen.length)}
        </button>
        <button type="button" className="button button-quiet" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
