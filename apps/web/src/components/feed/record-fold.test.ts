import { describe, expect, it } from 'vitest';
import { foldRecords } from './record-fold';

const records = (...names: string[]) => names.map((exerciseName, index) => ({ exerciseName, index }));
const indexes = (fold: { visible: { index: number }[] }) => fold.visible.map((record) => record.index);

describe('foldRecords', () => {
  it('shows every record when at most one would be hidden', () => {
    expect(foldRecords(records('Bench', 'Bench', 'Bench', 'Bench'))).toMatchObject({ hiddenCount: 0 });
    expect(indexes(foldRecords(records('Bench', 'Bench', 'Bench', 'Bench')))).toEqual([0, 1, 2, 3]);
    expect(foldRecords([])).toEqual({ visible: [], hiddenCount: 0 });
  });

  it("shows each exercise's headline record before a second kind of any one, in workout order", () => {
    // A first push day: four kinds of record for the bench press, then four for the press.
    const day = records('Bench', 'Bench', 'Bench', 'Bench', 'Press', 'Press', 'Press', 'Press');
    expect(indexes(foldRecords(day))).toEqual([0, 1, 4]);
    expect(foldRecords(day).hiddenCount).toBe(5);
  });

  it('stops at the limit when more exercises have records than it shows', () => {
    const fold = foldRecords(records('Squat', 'Bench', 'Row', 'Press', 'Curl'));
    expect(indexes(fold)).toEqual([0, 1, 2]);
    expect(fold.hiddenCount).toBe(2);
  });

  it('fills up with the first exercise when only one has records', () => {
    expect(indexes(foldRecords(records('Bench', 'Bench', 'Bench', 'Bench', 'Bench')))).toEqual([0, 1, 2]);
  });
});
