import styles from './channel.module.css';

/** Shown while you read older messages and new ones arrive below; clicking takes you down to them. */
export function JumpToNewest({ count, onJump }: { count: number; onJump: () => void }) {
  if (count === 0) return null;
  return (
    <button type="button" className={`button ${styles.jump}`} onClick={onJump}>
      {count === 1 ? '1 new message' : `${count} new messages`} <span aria-hidden="true">↓</span>
    </button>
  );
}
