import styles from './channel.module.css';

/** Where the unread part of the conversation starts; a heading, like the days, to jump to. */
export function NewMessagesDivider() {
  return (
    <h2 className={styles.newMessages} data-testid="new-messages-divider">
      <span>New messages</span>
    </h2>
  );
}

/** Shown while the first unread message is above what is on screen (or not loaded yet). */
export function JumpToFirstUnread({ onJump }: { onJump: () => void }) {
  return (
    <button type="button" className={`button button-quiet ${styles.jumpUnread}`} onClick={onJump}>
      <span aria-hidden="true">↑</span> Jump to first unread
    </button>
  );
}
