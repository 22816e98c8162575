'use client';

import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { describeError } from '@/trpc/error-message';
import styles from './channel.module.css';

/** The server's cap (MESSAGE_MAX_LENGTH in packages/api). */
export const MESSAGE_MAX_LENGTH = 4000;

type Props = {
  slug: string;
  /** Rejects with the server's error. */
  send: (body: string) => Promise<void>;
  onDraftChange: (draft: string) => void;
  onSent: () => void;
};

/** Enter sends, Shift+Enter starts a new line. A rejected message comes back into the box. */
export function Composer({ slug, send, onDraftChange, onSent }: Props) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit() {
    const body = draft.trim();
    if (body === '') return;
    setDraft('');
    setError(null);
    onSent();
    send(body).catch((err: unknown) => {
      setError(describeError(err));
      setDraft((current) => (current === '' ? body : current));
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit();
  }

  const isNearCap = draft.length > MESSAGE_MAX_LENGTH * 0.9;
  return (
    <form className={styles.composer} onSubmit={onSubmit}>
      <div className={styles.composerBox}>
        <textarea
          className={styles.input}
          aria-label={`Message #${slug}`}
          placeholder={`Message #${slug}`}
          value={draft}
          maxLength={MESSAGE_MAX_LENGTH}
          rows={1}
          onChange={(event) => {
            setDraft(event.target.value);
            onDraftChange(event.target.value);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="button" disabled={draft.trim() === ''}>
          Send
        </button>
      </div>
      <div className={styles.composerMeta}>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : (
          <span>
            <kbd>Enter</kbd> to send, <kbd>Shift</kbd>+<kbd>Enter</kbd> for a new line
          </span>
        )}
        <span className={isNearCap ? styles.counterWarn : undefined}>
          {draft.length}/{MESSAGE_MAX_LENGTH}
        </span>
      </div>
    </form>
  );
}
