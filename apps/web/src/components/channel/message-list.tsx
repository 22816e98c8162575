'use client';

import type { MessageView, Session } from '@spotter/api';
import type { ReactionEmoji } from '@spotter/api/reactions';
import {
  Fragment,
  type Ref,
  type UIEvent,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import type { PendingMessage } from '@/chat/message-store';
import styles from './channel.module.css';
import { ConfirmDialog } from './confirm-dialog';
import { countUnseen, placeAfter } from './conversation-rows';
import { DayDivider } from './day-divider';
import { JumpToNewest } from './jump-to-newest';
import { plainMentions } from './mentions';
import { MessageItem } from './message-item';
import { JumpToFirstUnread, NewMessagesDivider } from './new-messages';
import { useFirstUnread } from './use-first-unread';

/** Closer than this to an edge counts as "at" it (older pages load, new messages keep us pinned). */
const EDGE_PX = 80;

/** What the composer may ask of the list. */
export type MessageListHandle = {
  /** Opens the editor on your newest message; false when you have none to edit. */
  editLastOwn: () => boolean;
};

type Props = {
  me: Session;
  /** Shown above the oldest message ("This is the beginning of the channel."). */
  beginning: string;
  messages: MessageView[];
  pending: readonly PendingMessage[];
  history: { status: 'loading' | 'ready' | 'error'; olderCursor: number | null; isLoadingOlder: boolean };
  loadOlder: () => Promise<void>;
  edit: (messageId: string, body: string) => Promise<void>;
  remove: (messageId: string) => void;
  /** Sends a message marked as not sent again (same nonce). */
  retry: (nonce: string) => void;
  /** Forgets a message marked as not sent. */
  discard: (nonce: string) => void;
  /** The reader moderates the channel: they may delete others' messages. */
  canModerate?: boolean;
  /** Where the "New messages" divider goes (the first unread seq); null: nothing unread. */
  unreadFrom: number | null;
  /** Told the newest seq the reader has had on screen at the bottom (see useReadTracking). */
  onSeen: (seq: number) => void;
  markUnreadFrom: (seq: number) => void;
  /** Adds or takes back the reader's reaction to a message. */
  react: (messageId: string, emoji: ReactionEmoji, isOn: boolean) => void;
  ref?: Ref<MessageListHandle>;
};

/**
 * The conversation, oldest at the top, with a heading for each day. Scrolling to the top loads older
 * pages without moving what is on screen; new messages scroll into view only if you were already at
 * the bottom (or sent them) — otherwise a button counts them.
 */
export function MessageList({
  me,
  beginning,
  messages,
  pending,
  history,
  loadOlder,
  edit,
  remove,
  retry,
  discard,
  canModerate = false,
  unreadFrom,
  onSeen,
  markUnreadFrom,
  react,
  ref,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const isAtBottom = useRef(true);
  /** Distance from the bottom before older messages were prepended; restored afterwards. */
  const anchor = useRef<number | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  /** Where focus goes back when the editor closes: the Edit button or the composer. */
  const focusAfterEdit = useRef<HTMLElement | null>(null);
  const [deleting, setDeleting] = useState<MessageView | null>(null);
  /** The newest seq you have had on screen; anything newer from others is counted as unseen. */
  const [seenSeq, setSeenSeq] = useState(0);

  const newestSeq = messages.at(-1)?.seq ?? 0;
  const unseen = countUnseen(messages, seenSeq, me.userId);
  const dividerSeq = unreadFrom === null ? undefined : messages.find((m) => m.seq >= unreadFrom)?.seq;

  const loadOlderKeepingPosition = () => {
    const el = scroller.current;
    if (!el || history.olderCursor === null || history.isLoadingOlder) return;
    anchor.current = el.scrollHeight - el.scrollTop;
    void loadOlder();
  };

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const el = event.currentTarget;
    isAtBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < EDGE_PX;
    if (isAtBottom.current) setSeenSeq(newestSeq);
    if (el.scrollTop < EDGE_PX) loadOlderKeepingPosition();
    firstUnread.check();
  };

  const firstUnread = useFirstUnread({
    scroller,
    hasUnread: unreadFrom !== null,
    history,
    loadOlder: loadOlderKeepingPosition,
  });

  useEffect(() => {
    if (seenSeq > 0) onSeen(seenSeq);
  }, [seenSeq, onSeen]);

  const jumpToNewest = () => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
    isAtBottom.current = true;
    setSeenSeq(newestSeq);
  };

  const startEditing = (messageId: string) => {
    focusAfterEdit.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setEditingId(messageId);
  };

  // No dependency list: the handle must always see the current messages, and it is cheap to rebuild.
  useImperativeHandle(ref, () => ({
    editLastOwn() {
      const last = messages.findLast((m) => m.authorId === me.userId && !m.deletedAt);
      if (!last) return false;
      startEditing(last.id);
      return true;
    },
  }));

  useEffect(() => {
    if (editingId !== null || !focusAfterEdit.current) return;
    if (focusAfterEdit.current.isConnected) focusAfterEdit.current.focus();
    focusAfterEdit.current = null;
  }, [editingId]);

  const oldestSeq = messages[0]?.seq;
  const newestKey = `${newestSeq}:${pending.length}`;
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
    if (el && (isAtBottom.current || lastIsMine)) {
      el.scrollTop = el.scrollHeight;
      setSeenSeq(newestSeq);
    }
  }, [newestKey, lastIsMine]);

  // Stay at the bottom when the list's box shrinks (a phone's keyboard opening, a resized window).
  // The scroller has overflow-anchor: none, so the browser does not shift it first and fire a
  // scroll event that would make us think the reader had scrolled up.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      if (isAtBottom.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

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

  const rows: Array<MessageView | PendingMessage> = [...messages, ...pending];
  const now = new Date();
  return (
    <div className={styles.listArea}>
      <div ref={scroller} className={styles.scroller} onScroll={onScroll}>
        <div className={styles.log} role="log" aria-label="Messages" aria-busy={history.status === 'loading'}>
          {history.status === 'ready' &&
            (history.olderCursor === null ? (
              <p className={styles.beginning}>{beginning}</p>
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
          {rows.map((message, index) => {
            const { isNewDay, isGrouped } = placeAfter(rows[index - 1], message);
            const confirmed = 'seq' in message ? message : null;
            return (
              <Fragment key={confirmed ? confirmed.seq : `pending-${message.nonce}`}>
                {isNewDay && <DayDivider day={message.createdAt} now={now} />}
                {confirmed !== null && confirmed.seq === dividerSeq && <NewMessagesDivider />}
                <MessageItem
                  message={message}
                  isOwn={message.authorId === me.userId}
                  myId={me.userId}
                  isGrouped={isGrouped}
                  isEditing={confirmed !== null && confirmed.id === editingId}
                  canModerate={canModerate}
                  actions={
                    confirmed
                      ? {
                          startEditing: () => startEditing(confirmed.id),
                          stopEditing: () => setEditingId(null),
                          save: (body) => edit(confirmed.id, body),
                          askToDelete: () => setDeleting(confirmed),
                        }
                      : undefined
                  }
                  onMarkUnread={confirmed ? () => markUnreadFrom(confirmed.seq) : undefined}
                  onReact={confirmed ? (emoji, isOn) => react(confirmed.id, emoji, isOn) : undefined}
                  unsent={
                    !('seq' in message) && message.failure !== undefined
                      ? { retry: () => retry(message.nonce), discard: () => discard(message.nonce) }
                      : undefined
                  }
                />
              </Fragment>
            );
          })}
        </div>
      </div>
      {firstUnread.isShown && <JumpToFirstUnread onJump={firstUnread.jump} />}
      <JumpToNewest count={unseen} onJump={jumpToNewest} />
      <ConfirmDialog
        isOpen={deleting !== null}
        title="Delete message?"
        description={
          deleting
            ? `“${excerpt(plainMentions(deleting.body, deleting.mentions))}” will be deleted for everyone. This cannot be undone.`
            : ''
        }
        confirmLabel="Delete"
        onClose={(isConfirmed) => {
          if (isConfirmed && deleting) remove(deleting.id);
          setDeleting(null);
        }}
      />
    </div>
  );
}

function excerpt(body: string): string {
  return body.length > 80 ? `${body.slice(0, 80)}…` : body;
}
