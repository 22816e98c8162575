import styles from './channel.module.css';
import { dayLabel } from './day';

/** A heading where the conversation crosses into another day, so screen readers can jump by day. */
export function DayDivider({ day, now }: { day: Date; now: Date }) {
  return (
    <h2 className={styles.day}>
      <span>{dayLabel(day, now)}</span>
    </h2>
  );
}
