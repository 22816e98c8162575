'use client';

import { type KeyboardEvent, useState } from 'react';
import { describeError } from '@/trpc/error-message';
import styles from './channel.module.css';
import { MESSAGE_MAX_LENGTH } from './composer';

type Props = { initialBody: string; save: (body: string) => Promise<void>; close: () => void };

/** Inline edit: Enter saves, Escape cancels; a rejected edit stays open with the reason. */
export function MessageEditor({ initialBody, save, close }: Props) {
  const [body, setBody] = useState(initialBody);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);

  async function submit() {
    if (body.trim() === initialBody.trim()) return close();
    setSaving(true);
    try {
      await save(body.trim());
      close();
    } catch (err) {
      setSaving(false);
      setError(describeError(err));
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Escape') close();
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  }

  return (
    <div className={styles.editor}>
      <textarea
        className={styles.input}
        aria-label="Edit message"
        value={body}
        maxLength={MESSAGE_MAX_LENGTH}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={onKeyDown}
        // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this message.
        autoFocus
      />
      <div className={styles.editorActions}>
        <button type="button" className="button" disabled={isSaving} onClick={() => void submit()}>
          Save
        </button>
        <button type="button" className="button button-quiet" onClick={close}>
          Cancel
        </button>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
