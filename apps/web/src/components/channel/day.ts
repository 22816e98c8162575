/** Midnight at the start of `date`'s day, in the viewer's time zone. */
function startOfLocalDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

/** Whether two instants fall on the same calendar day where the viewer is (not in UTC). */
export function isSameLocalDay(a: Date, b: Date): boolean {
  return startOfLocalDay(a).getTime() === startOfLocalDay(b).getTime();
}

/**
 * The heading of a day in the conversation: "Today", "Yesterday", else the full date. "Yesterday"
 * is built from calendar fields, not `now - 24 h`, so a day of 23 or 25 hours (DST) is still one day.
 */
export function dayLabel(day: Date, now: Date, locale?: string): string {
  if (isSameLocalDay(day, now)) return 'Today';
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (isSameLocalDay(day, yesterday)) return 'Yesterday';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full' }).format(day);
}
