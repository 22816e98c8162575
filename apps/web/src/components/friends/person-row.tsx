import Link from 'next/link';
import type { ReactNode } from 'react';
import { Avatar } from '../avatar';
import { TrainingNowLabel } from '../feed/training-now-label';
import { PresenceDot } from '../presence/presence-dot';
import styles from './friends.module.css';

type Person = { id: string; username: string; name: string; avatarUrl: string | null };

/** A person in a list: picture, name and @handle linking to their profile, then any buttons. */
export function PersonRow({
  person,
  detail,
  children,
}: {
  person: Person;
  detail?: string;
  children?: ReactNode;
}) {
  return (
    <li className={styles.row} data-testid="person" data-username={person.username}>
      <Avatar userId={person.id} name={person.name} avatarUrl={person.avatarUrl} />
      <div className={styles.who}>
        {/* One line: the name, then the presence dot and "training now" beside it, as on the profile. */}
        <span className={styles.nameLine}>
          <Link href={`/u/${person.username}`} className={styles.name}>
            {person.name}
          </Link>
          <PresenceDot userId={person.id} name={person.name} />
          <TrainingNowLabel userId={person.id} />
        </span>
        <span className={styles.handle}>
          @{person.username}
          {detail && ` · ${detail}`}
        </span>
      </div>
      {children && <div className={styles.actions}>{children}</div>}
    </li>
  );
}
