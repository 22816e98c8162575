import styles from './avatar.module.css';
import { avatarColour, initials } from './avatar-identity';

type Props = {
  userId: string;
  name: string;
  /** The uploaded picture (`/api/avatar/…`); without one, initials on a colour of their own. */
  avatarUrl?: string | null;
  size?: 'small' | 'medium' | 'large';
};

/**
 * A person's picture, or their initials on a colour of their own. Hidden from screen readers: it
 * always sits next to the name it stands for, which would otherwise be read twice.
 */
export function Avatar({ userId, name, avatarUrl = null, size = 'medium' }: Props) {
  return (
    <span
      className={`${styles.avatar} ${styles[size]}`}
      style={{ backgroundColor: avatarColour(userId) }}
      aria-hidden="true"
    >
      {avatarUrl ? (
        // biome-ignore lint/performance/noImgElement: a 256-pixel square from our own route; next/image would only add a copy
        <img className={styles.image} src={avatarUrl} alt="" loading="lazy" decoding="async" />
      ) : (
        initials(name)
      )}
    </span>
  );
}
