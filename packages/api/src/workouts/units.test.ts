import { describe, expect, it } from 'vitest';
import { fromKg, fromMetres, KG_PER_LB, roundForDisplay, toKg, toMetres } from './units';

describe('units', () => {
  it('converts pounds to kilograms by the exact definition and back without drift', () => {
    // 225 lb × 0.45359237 = 102.05828325 kg
    expect(toKg(225, 'LB')).toBeCloseTo(102.05828325, 10);
    expect(fromKg(toKg(225, 'LB'), 'LB')).toBeCloseTo(225, 10);
    expect(toKg(100, 'KG')).toBe(100);
    // 1,000 kg ÷ 0.45359237 = 2204.62262… lb: the cap as a lifter in pounds meets it
    expect(fromKg(1000, 'LB')).toBeCloseTo(2204.6226218, 6);
    expect(KG_PER_LB).toBe(0.45359237);
  });

  it('converts km and miles to metres and back', () => {
    // 5 km = 5,000 m; 3.1 mi × 1,609.344 = 4,988.9664 m
    expect(toMetres(5, 'KM')).toBe(5000);
    expect(toMetres(3.1, 'MI')).toBeCloseTo(4988.9664, 8);
    expect(fromMetres(1609.344, 'MI')).toBeCloseTo(1, 12);
    expect(fromMetres(42195, 'KM')).toBeCloseTo(42.195, 12);
  });

  it('rounds for display only, and never shows -0', () => {
    // 102.05828325 kg shown with one decimal: 102.1
    expect(roundForDisplay(102.05828325)).toBe(102.1);
    expect(roundForDisplay(fromKg(100, 'LB'), 2)).toBe(220.46);
    expect(Object.is(roundForDisplay(-0.01), 0)).toBe(true);
  });
});
