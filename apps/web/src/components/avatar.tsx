import styles from './avatar.module.css';
import { avatarColour, initials } from './avatar-identity';

type Props = { userId: string; name: string; size?: 'small' | 'medium' };

/**
 * A person's initials on a colour of their own. Hidden from screen readers: it always sits next to
 * the name it abbreviates, which would otherwise be read twice.
 */
export function Avatar({ userId, name, size = 'medium' }: Props) {
  return (
    <span
      className={`${styles.avatar} ${styles[size]}`}
      style={{ backgroundColor: avatarColour(userId) }}
      aria-hidden="true"
    >
      {initials(name)}
    </span>
  );
}
