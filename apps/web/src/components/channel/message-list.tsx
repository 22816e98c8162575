'use client';

import type { MessageView, Session } from '@spotter/api';
import { type UIEvent, useEffect, useLayoutEffect, useRef } from 'react';
import { startsGroup } from '@/chat/grouping';
import type { PendingMessage } from '@/chat/message-store';
import styles from './channel.module.css';
import { MessageItem } from './message-item';

/** Closer than this to an edge counts as "at" it (older pages load, new messages keep us pinned). */
const EDGE_PX = 80;

type Props = {
  me: Session;
  messages: MessageView[];
  pending: readonly PendingMessage[];
  history: { status: 'loading' | 'ready' | 'error'; olderCursor: number | null; isLoadingOlder: boolean };
  loadOlder: () => Promise<void>;
  edit: (messageId: string, body: string) => Promise<void>;
  remove: (messageId: string) => void;
};

/**
 * The conversation, oldest at the top. Scrolling to the top loads older pages without moving what
 * is on screen; new messages scroll into view only if you were already at the bottom (or sent them).
 */
export function MessageList({ me, messages, pending, history, loadOlder, edit, remove }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const isAtBottom = useRef(true);
  /** Distance from the bottom before older messages were prepended; restored afterwards. */
  const anchor = useRef<number | null>(null);

  const loadOlderKeepingPosition = () => {
    const el = scroller.current;
    if (!el || history.olderCursor === null || history.isLoadingOlder) return;
    anchor.current = el.scrollHeight - el.scrollTop;
    void loadOlder();
  };

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const el = event.currentTarget;
    isAtBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < EDGE_PX;
    if (el.scrollTop < EDGE_PX) loadOlderKeepingPosition();
  };

  const oldestSeq = messages[0]?.seq;
  const newestKey = `${messages.at(-1)?.seq}:${pending.length}`;
  const lastIsMine = pending.length > 0;

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when older messages were prepended.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || anchor.current === null) return;
    el.scrollTop = el.scrollHeight - anchor.current;
    anchor.current = null;
  }, [oldestSeq]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the newest row changes.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && (isAtBottom.current || lastIsMine)) el.scrollTop = el.scrollHeight;
  }, [newestKey, lastIsMine]);

  // A first page too short to scroll could never trigger the scroll handler: keep loading.
  useEffect(() => {
    const el = scroller.current;
    if (
      el &&
      history.status === 'ready' &&
      el.scrollHeight <= el.clientHeight &&
      history.olderCursor !== null
    ) {
      loadOlderKeepingPosition();
    }
  });

  return (
    <div ref={scroller} className={styles.scroller} onScroll={onScroll}>
      <div className={styles.log} role="log" aria-label="Messages" aria-busy={history.status === 'loading'}>
        {history.status === 'ready' &&
          (history.olderCursor === null ? (
            <p className={styles.beginning}>This is the beginning of the channel.</p>
          ) : (
            <button
              type="button"
              className={`button button-quiet ${styles.older}`}
              onClick={loadOlderKeepingPosition}
              disabled={history.isLoadingOlder}
            >
              {history.isLoadingOlder ? 'Loading older messages…' : 'Load older messages'}
            </button>
          ))}
        {history.status === 'loading' && <p className={styles.beginning}>Loading messages…</p>}
        {messages.map((message, index) => (
          <MessageItem
            key={message.seq}
            message={message}
            isOwn={message.authorId === me.userId}
            isGrouped={!startsGroup(messages[index - 1], message)}
            edit={edit}
            remove={remove}
          />
        ))}
        {pending.map((message, index) => (
          <MessageItem
            key={message.nonce}
            message={message}
            isOwn
            isGrouped={!startsGroup(index === 0 ? messages.at(-1) : pending[index - 1], message)}
          />
        ))}
      </div>
    </div>
  );
}
