'use client';

import {
  type FormEvent,
  type KeyboardEvent,
  useCallback,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { useRetryCountdown } from '@/chat/use-retry-countdown';
import { describeError, retryAfterMsOf } from '@/trpc/error-message';
import styles from './channel.module.css';
import { useMentionSuggestions } from './mention-suggestions';
import { insertMention } from './mentions';
import { formatCount, measureMessage } from './message-length';

type Props = {
  /** Who or where a message goes: "#leg-day", "Bob". */
  label: string;
  /** Whose members the @-autocomplete offers. */
  channelId: string;
  /** Rejects with the server's error. */
  send: (body: string) => Promise<void>;
  onDraftChange: (draft: string) => void;
  onSent: () => void;
  /** Up in an empty composer: edit your last message. Returns false when there is none to edit. */
  onEditLast?: () => boolean;
};

/**
 * Enter sends, Shift+Enter starts a new line. A rejected message comes back into the box; a send
 * refused for sending too fast also says, counting down, when to try again. A message over the length
 * limit is never cut: it stays in the box with the reason, and Send waits.
 */
export function Composer({ label, channelId, send, onDraftChange, onSent, onEditLast }: Props) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const retryIn = useRetryCountdown(
    retryAt,
    useCallback(() => setRetryAt(null), []),
  );
  const length = measureMessage(draft);
  const overLimitId = useId();
  const errorId = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  // Where the caret goes after a picked mention changed the text (applied once it is rendered).
  const pendingCaret = useRef<number | null>(null);
  const mentions = useMentionSuggestions({
    channelId,
    draft,
    caret,
    pick: (query, user) => {
      const next = insertMention(draft, caret, query, user.username);
      setDraft(next.text);
      onDraftChange(next.text);
      setCaret(next.caret);
      pendingCaret.current = next.caret;
    },
  });

  useLayoutEffect(() => {
    if (pendingCaret.current === null || !input.current) return;
    input.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });

  function submit() {
    const body = draft.trim();
    if (body === '' || length.overLimitError) return;
    setDraft('');
    setError(null);
    setRetryAt(null);
    onSent();
    send(body).catch((err: unknown) => {
      const waitMs = retryAfterMsOf(err);
      if (waitMs !== null) setRetryAt(Date.now() + waitMs);
      else setError(describeError(err));
      setDraft((current) => (current === '' ? body : current));
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (mentions.onKeyDown(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
    if (event.key === 'ArrowUp' && draft === '' && onEditLast?.()) event.preventDefault();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit();
  }

  return (
    <form className={styles.composer} onSubmit={onSubmit}>
      <div className={styles.composerBox}>
        {mentions.list}
        <textarea
          ref={input}
          className={styles.input}
          {...mentions.inputProps}
          aria-label={`Message ${label}`}
          aria-invalid={length.overLimitError !== null}
          aria-describedby={length.overLimitError ? overLimitId : error || retryIn ? errorId : undefined}
          placeholder={`Message ${label}`}
          value={draft}
          rows={1}
          onChange={(event) => {
            setDraft(event.target.value);
            setCaret(event.target.selectionStart);
            onDraftChange(event.target.value);
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
        />
        <button
          type="submit"
          className="button"
          disabled={draft.trim() === '' || length.overLimitError !== null}
        >
          Send
        </button>
      </div>
      <div className={styles.composerMeta}>
        <div className={styles.composerStatus}>
          {/* Always mounted so it is announced; polite, as its numbers change on every keystroke. */}
          <p id={overLimitId} className="error" aria-live="polite">
            {length.overLimitError}
          </p>
          {error && !length.overLimitError && (
            <p id={errorId} className="error" role="alert">
              {error}
            </p>
          )}
          {retryIn !== null && !error && !length.overLimitError && (
            <p id={errorId} className="error" role="alert">
              Slow down — try again in {retryIn} s.
            </p>
          )}
          {!error && retryIn === null && !length.overLimitError && (
            <span className={styles.hint}>
              <kbd>Enter</kbd> to send, <kbd>Shift</kbd>+<kbd>Enter</kbd> for a new line
            </span>
          )}
        </div>
        {length.isCounterShown && (
          <span className={length.overLimitError ? styles.counterOver : styles.counterWarn}>
            {formatCount(length.length)}
          </span>
        )}
      </div>
    </form>
  );
}
