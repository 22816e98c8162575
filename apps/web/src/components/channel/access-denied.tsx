'use client';

import { useParams } from 'next/navigation';
import styles from './channel.module.css';
import { ChannelNotice } from './channel-notice';

/**
 * For a channel you may not see. A private channel you are not in and a slug that was never used get
 * the same page, so nobody can probe which private channels exist.
 */
export function AccessDenied() {
  const { slug } = useParams<{ slug: string }>();
  return (
    <div className={styles.view}>
      <ChannelNotice
        heading="h1"
        title="You don't have access to this channel (or it does not exist)"
        text={`Either #${slug} is private and nobody has invited you, or there is no such channel. Ask a member to invite you, or find a public channel to join.`}
      />
    </div>
  );
}
