import Link from 'next/link';
import styles from './channel.module.css';

/** A full-pane message where a conversation would be, with the way on: the channel directory. */
export function ChannelNotice({
  title,
  text,
  heading: Heading = 'h2',
}: {
  title: string;
  text: string;
  /** h1 when the notice is the whole page (no channel header above it). */
  heading?: 'h1' | 'h2';
}) {
  return (
    <section className={styles.join} aria-label={title} data-testid="channel-notice">
      <Heading className={styles.joinTitle}>{title}</Heading>
      <p className={styles.joinText}>{text}</p>
      <Link href="/browse" className="button">
        Browse channels
      </Link>
    </section>
  );
}
