import { describe, expect, it } from 'vitest';
import { durationText, recordText } from './card-text';

const KG = { weightUnit: 'KG', distanceUnit: 'KM' } as const;
const LB = { weightUnit: 'LB', distanceUnit: 'MI' } as const;
const record = (
  kind: 'HEAVIEST_WEIGHT' | 'MOST_REPS' | 'BEST_SET_VOLUME',
  value: number,
  weightKg: number | null,
) => ({
  exerciseName: 'Bench Press',
  kind,
  value,
  weightKg,
});

describe('a card’s record, in the reader’s units', () => {
  it('reads kilograms as stored for a kg reader', () => {
    expect(recordText(record('HEAVIEST_WEIGHT', 102.5, 102.5), KG)).toBe(
      'Bench Press: Heaviest weight 102.5 kg',
    );
    expect(recordText(record('MOST_REPS', 8, 100), KG)).toBe('Bench Press: Most reps 8 reps at 100 kg');
  });

  it('reads pounds for a lb reader: a lift logged as 225 lb comes back as 225 lb, volume too', () => {
    const kg = 225 * 0.45359237;
    expect(recordText(record('HEAVIEST_WEIGHT', kg, kg), LB)).toBe('Bench Press: Heaviest weight 225 lb');
    expect(recordText(record('MOST_REPS', 5, kg), LB)).toBe('Bench Press: Most reps 5 reps at 225 lb');
    expect(recordText(record('BEST_SET_VOLUME', kg * 5, kg), LB)).toBe(
      'Bench Press: Best set volume 1125 lb',
    );
  });

  it('counts bodyweight reps with no weight', () => {
    expect(recordText({ ...record('MOST_REPS', 12, null), exerciseName: 'Pull-up' }, LB)).toBe(
      'Pull-up: Most reps 12 reps',
    );
  });
});

describe('a card’s duration', () => {
  it('reads minutes, hours and minutes, or in progress', () => {
    expect(durationText(45 * 60 + 20)).toBe('45 min');
    expect(durationText(65 * 60)).toBe('1 h 5 min');
    expect(durationText(null)).toBe('in progress');
  });
});
