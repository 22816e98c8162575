'use client';

import { type KeyboardEvent, useId, useState } from 'react';
import { describeError } from '@/trpc/error-message';
import styles from './channel.module.css';
import { formatCount, measureMessage } from './message-length';

type Props = { initialBody: string; save: (body: string) => Promise<void>; close: () => void };

/**
 * Inline edit: Enter saves, Escape cancels; a rejected edit stays open with the reason. An edit over
 * the length limit is refused here with both numbers, and the text is left as it is.
 */
export function MessageEditor({ initialBody, save, close }: Props) {
  const [body, setBody] = useState(initialBody);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const length = measureMessage(body);
  const errorId = useId();
  const problem = length.overLimitError ?? error;

  async function submit() {
    if (length.overLimitError || isSaving) return;
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
        aria-invalid={length.overLimitError !== null}
        aria-describedby={problem ? errorId : undefined}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={onKeyDown}
        // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this message.
        autoFocus
      />
      <div className={styles.editorActions}>
        <button
          type="button"
          className="button"
          disabled={isSaving || length.overLimitError !== null}
          onClick={() => void submit()}
        >
          Save
        </button>
        <button type="button" className="button button-quiet" onClick={close}>
          Cancel
        </button>
        <p id={errorId} className="error" aria-live="polite">
          {problem}
        </p>
        {length.isCounterShown && (
          <span className={length.overLimitError ? styles.counterOver : styles.counterWarn}>
            {formatCount(length.length)}
          </span>
        )}
      </div>
    </div>
  );
}
