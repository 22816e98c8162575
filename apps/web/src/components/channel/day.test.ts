import { describe, expect, it } from 'vitest';
import { dayLabel, isSameLocalDay } from './day';

// Local-time constructors, so the cases hold in whatever time zone the tests run.
const now = new Date(2026, 10, 29, 9, 30);

describe('isSameLocalDay', () => {
  it('is true from local midnight to the last minute of the day', () => {
    expect(isSameLocalDay(new Date(2026, 10, 29, 0, 0), new Date(2026, 10, 29, 23, 59))).toBe(true);
  });

  it('is false a minute across local midnight', () => {
    expect(isSameLocalDay(new Date(2026, 10, 28, 23, 59), new Date(2026, 10, 29, 0, 0))).toBe(false);
  });
});

describe('dayLabel', () => {
  it('says "Today" for any time of the current day, even later than now', () => {
    expect(dayLabel(new Date(2026, 10, 29, 0, 1), now)).toBe('Today');
    expect(dayLabel(new Date(2026, 10, 29, 23, 0), now)).toBe('Today');
  });

  it('says "Yesterday" for the previous calendar day, across a month boundary too', () => {
    expect(dayLabel(new Date(2026, 10, 28, 23, 59), now)).toBe('Yesterday');
    expect(dayLabel(new Date(2026, 10, 30, 12, 0), new Date(2026, 11, 1, 8, 0))).toBe('Yesterday');
  });

  it('gives the full date for anything older', () => {
    expect(dayLabel(new Date(2026, 10, 27, 12, 0), now, 'en-US')).toBe('Friday, November 27, 2026');
    expect(dayLabel(new Date(2025, 10, 28, 12, 0), now, 'en-US')).toBe('Friday, November 28, 2025');
  });
});
