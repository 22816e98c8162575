import { describe, expect, it } from 'vitest';
import { describeTypedSet } from './format';

const KG = { weightUnit: 'KG', distanceUnit: 'KM' } as const;
const LB = { weightUnit: 'LB', distanceUnit: 'MI' } as const;
const set = (fields: Partial<Parameters<typeof describeTypedSet>[0]>) => ({
  weightKg: null,
  reps: null,
  rpe: null,
  durationSec: null,
  distanceM: null,
  type: 'NORMAL',
  ...fields,
});

describe('a set as a training session shows it, in the reader’s units', () => {
  it('reads a lift in kilograms or pounds, with its RPE', () => {
    expect(describeTypedSet(set({ weightKg: 100, reps: 5 }), KG)).toBe('100 kg × 5');
    expect(describeTypedSet(set({ weightKg: 225 * 0.45359237, reps: 5, rpe: 8 }), LB)).toBe(
      '225 lb × 5 @ RPE 8',
    );
  });

  it('names a set that is not a normal one', () => {
    expect(describeTypedSet(set({ weightKg: 60, reps: 8, type: 'WARMUP' }), KG)).toBe('60 kg × 8 · warmup');
  });

  it('reads a run in km or miles, and its time as a clock', () => {
    expect(describeTypedSet(set({ distanceM: 5000, durationSec: 1530 }), KG)).toBe('5 km 25:30');
    expect(describeTypedSet(set({ distanceM: 1609.344, durationSec: 3725 }), LB)).toBe('1 mi 1:02:05');
  });
});
