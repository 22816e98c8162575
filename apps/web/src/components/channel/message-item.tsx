'use client';

import type { MessageView } from '@spotter/api';
import { useState } from 'react';
import type { PendingMessage } from '@/chat/message-store';
import styles from './channel.module.css';
import { MessageEditor } from './message-editor';

type Props = {
  message: MessageView | PendingMessage;
  isOwn: boolean;
  /** Follows a message by the same author: the header is only read out, not shown. */
  isGrouped: boolean;
  edit?: (messageId: string, body: string) => Promise<void>;
  remove?: (messageId: string) => void;
};

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** One message: its own element, confirmed (data-seq) or pending (data-pending). */
export function MessageItem({ message, isOwn, isGrouped, edit, remove }: Props) {
  const [isEditing, setEditing] = useState(false);
  const confirmed = 'seq' in message ? message : null;
  const isDeleted = Boolean(confirmed?.deletedAt);
  const canChange = isOwn && confirmed && !isDeleted && edit && remove;

  return (
    <article
      data-testid="message"
      data-seq={confirmed?.seq}
      data-pending={confirmed ? undefined : 'true'}
      className={`${styles.message} ${isGrouped ? styles.grouped : ''} ${confirmed ? '' : styles.pending}`}
    >
      <header className={isGrouped ? 'visually-hidden' : styles.meta}>
        <span className={styles.author}>{message.authorName}</span>{' '}
        <time className={styles.time} dateTime={message.createdAt.toISOString()}>
          {timeFormat.format(message.createdAt)}
        </time>
      </header>
      {canChange && isEditing ? (
        <MessageEditor
          initialBody={message.body}
          save={(body) => edit(confirmed.id, body)}
          close={() => setEditing(false)}
        />
      ) : (
        <p className={styles.body}>
          {isDeleted ? <em className={styles.deleted}>Message deleted</em> : message.body}
          {confirmed?.editedAt && !isDeleted && <span className={styles.edited}> (edited)</span>}
          {!confirmed && <span className={styles.sending}> Sending…</span>}
        </p>
      )}
      {canChange && !isEditing && (
        <div className={styles.actions}>
          <button type="button" aria-label="Edit message" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button type="button" aria-label="Delete message" onClick={() => remove(confirmed.id)}>
            Delete
          </button>
        </div>
      )}
    </article>
  );
}
