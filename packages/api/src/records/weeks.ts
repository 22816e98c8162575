/**
 * ISO-8601 weeks (Monday to Sunday; week 1 holds the year's first Thursday), in UTC: a workout's
 * week is the week of its start in UTC. Pure date math, no clock.
 */
const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;

/** Midnight UTC of the Monday of the date's ISO week. */
export function weekStart(date: Date): Date {
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const sinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  return new Date(midnight - sinceMonday * DAY_MS);
}

/** "2026-W48": the ISO week-numbering year (the year of the week's Thursday) and week number. */
export function isoWeek(date: Date): string {
  const thursday = new Date(weekStart(date).getTime() + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const firstThursdayWeek = weekStart(new Date(Date.UTC(year, 0, 4)));
  const week = Math.round((weekStart(date).getTime() - firstThursdayWeek.getTime()) / WEEK_MS) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Whole weeks from one week's Monday to a later one's. */
export function weeksBetween(earlier: Date, later: Date): number {
  return Math.round((weekStart(later).getTime() - weekStart(earlier).getTime()) / WEEK_MS);
}

export function addWeeks(date: Date, weeks: number): Date {
  return new Date(weekStart(date).getTime() + weeks * WEEK_MS);
}
