'use client';

import type { MessageView } from '@spotter/api';
import type { ReactionEmoji } from '@spotter/api/reactions';
import type { PendingMessage } from '@/chat/message-store';
import { Avatar } from '../avatar';
import { SharedWorkoutCard } from '../feed/shared-workout-card';
import { AuthorName } from '../profile/profile-card';
import styles from './channel.module.css';
import { LinkifiedText } from './linkified-text';
import { plainMentions } from './mentions';
import { MessageEditor } from './message-editor';
import { MessageReactions, ReactionPicker } from './message-reactions';

type Props = {
  message: MessageView | PendingMessage;
  isOwn: boolean;
  /** The reader: a mention of them is highlighted more strongly. */
  myId: string;
  /** Follows a message by the same author: no avatar, the name is only read out, the time shows on hover. */
  isGrouped: boolean;
  isEditing?: boolean;
  /** The reader moderates the channel: others' messages get a Delete too (never an Edit). */
  canModerate?: boolean;
  /** Absent on messages that cannot be changed (others', pending, deleted). */
  actions?: {
    startEditing: () => void;
    stopEditing: () => void;
    save: (body: string) => Promise<void>;
    askToDelete: () => void;
  };
  /** "Mark as unread from here": absent on pending messages. */
  onMarkUnread?: (() => void) | undefined;
  /** A pending message whose send failed for a reason that may pass: send it again, or forget it. */
  unsent?: { retry: () => void; discard: () => void } | undefined;
  /** Adds or takes back the reader's reaction: absent on pending messages. */
  onReact?: ((emoji: ReactionEmoji, isOn: boolean) => void) | undefined;
};

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

/** One message: its own element, confirmed (data-seq) or pending (data-pending). */
export function MessageItem({
  message,
  isOwn,
  myId,
  isGrouped,
  isEditing = false,
  canModerate = false,
  actions,
  onMarkUnread,
  unsent,
  onReact,
}: Props) {
  const confirmed = 'seq' in message ? message : null;
  const isDeleted = Boolean(confirmed?.deletedAt);
  const canChange = isOwn && confirmed !== null && !isDeleted && actions !== undefined;
  const canDeleteOthers = !isOwn && canModerate && confirmed !== null && !isDeleted && actions !== undefined;
  // A pending message is the text as typed: its mentions are still "@username".
  const mentions = confirmed?.mentions ?? [];
  const failure = 'seq' in message ? undefined : message.failure;
  const canReact = confirmed !== null && !isDeleted && onReact !== undefined;
  const reactions = confirmed && !isDeleted ? confirmed.reactions : [];
  const mine = new Set(reactions.filter((r) => r.userIds.includes(myId)).map((r) => r.emoji));

  return (
    <article
      data-testid="message"
      data-seq={confirmed?.seq}
      data-pending={confirmed ? undefined : 'true'}
      data-unsent={failure === undefined ? undefined : 'true'}
      className={`${styles.message} ${isGrouped ? styles.grouped : ''} ${confirmed ? '' : styles.pending}`}
    >
      <div className={styles.gutter}>
        {!isGrouped && <Avatar userId={message.authorId} name={message.authorName} />}
      </div>
      <div className={styles.content}>
        <header className={isGrouped ? styles.groupedMeta : styles.meta}>
          {isGrouped ? (
            <span className="visually-hidden">{message.authorName}</span>
          ) : (
            <>
              <AuthorName userId={message.authorId} name={message.authorName} className={styles.author} />
              {/* Display names need not be unique; the handle is, so two "Alice"s never look alike. */}
              {confirmed?.authorUsername && (
                <span className={styles.handle}>@{confirmed.authorUsername}</span>
              )}
            </>
          )}{' '}
          <time
            className={styles.time}
            dateTime={message.createdAt.toISOString()}
            title={fullFormat.format(message.createdAt)}
          >
            {timeFormat.format(message.createdAt)}
          </time>
        </header>
        {canChange && isEditing ? (
          <MessageEditor
            initialBody={plainMentions(message.body, mentions)}
            save={actions.save}
            close={actions.stopEditing}
          />
        ) : (
          <p className={styles.body}>
            {isDeleted ? (
              <em className={styles.deleted}>Message deleted</em>
            ) : (
              <LinkifiedText text={message.body} mentions={mentions} myId={myId} />
            )}
            {confirmed?.editedAt && !isDeleted && <span className={styles.edited}> (edited)</span>}
            {!confirmed && failure === undefined && <span className={styles.sending}> Sending…</span>}
          </p>
        )}
        {failure !== undefined && (
          // Shown, not hidden behind a hover: the person must see that this one did not go.
          <div className={styles.unsent}>
            <span role="alert">Not sent. {failure}</span>
            {unsent && (
              <>
                <button type="button" className="button button-quiet" onClick={unsent.retry}>
                  Retry
                </button>
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label="Delete unsent message"
                  onClick={unsent.discard}
                >
                  Delete
                </button>
              </>
            )}
          </div>
        )}
        {confirmed?.workout && !isDeleted && (
          // A shared workout: its card (the body above is the text for clients without cards).
          <SharedWorkoutCard card={confirmed.workout} readerId={myId} />
        )}
        <MessageReactions reactions={reactions} myId={myId} onReact={canReact ? onReact : undefined} />
      </div>
      {(canChange || canDeleteOthers || onMarkUnread || canReact) && (
        // Kept mounted while editing (just hidden) so focus can come back to the Edit button.
        <div className={styles.actions} hidden={isEditing}>
          {canReact && <ReactionPicker mine={mine} onReact={onReact} />}
          {onMarkUnread && (
            <button type="button" aria-label="Mark as unread from here" onClick={onMarkUnread}>
              Mark unread
            </button>
          )}
          {canChange && (
            <>
              <button type="button" aria-label="Edit message" onClick={actions.startEditing}>
                Edit
              </button>
              <button type="button" aria-label="Delete message" onClick={actions.askToDelete}>
                Delete
              </button>
            </>
          )}
          {canDeleteOthers && (
            <button type="button" aria-label="Delete message as moderator" onClick={actions.askToDelete}>
              Delete
            </button>
          )}
        </div>
      )}
    </article>
  );
}
