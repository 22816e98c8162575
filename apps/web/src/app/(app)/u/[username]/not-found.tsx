import Link from 'next/link';
import styles from '@/components/profile/profile.module.css';

/** The same page for a username nobody has and for someone who blocked the viewer. */
export default function ProfileNotFound() {
  return (
    <div className={styles.page}>
      <h1 className={styles.name}>No one goes by that name</h1>
      <p>
        Check the spelling, or <Link href="/friends">find people</Link> by their name.
      </p>
    </div>
  );
}
