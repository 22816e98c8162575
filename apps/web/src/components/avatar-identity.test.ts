import { describe, expect, it } from 'vitest';
import { AVATAR_COLOURS, avatarColour, initials } from './avatar-identity';

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('initials', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initials('Carol Ann Smith')).toBe('CS');
    expect(initials('  bob   builder ')).toBe('BB');
  });

  it('takes one letter from a one-word name and keeps a non-Latin first letter whole', () => {
    expect(initials('alice')).toBe('A');
    expect(initials('émile zola')).toBe('ÉZ');
    expect(initials('🏋️ Lifter')).toBe('🏋L');
  });

  it('falls back to "?" for a blank name', () => {
    expect(initials('   ')).toBe('?');
  });
});

describe('avatarColour', () => {
  it('gives one user the same colour every time', () => {
    expect(avatarColour('cm1alice')).toBe(avatarColour('cm1alice'));
  });

  it('spreads users over the palette', () => {
    const used = new Set(Array.from({ length: 64 }, (_, i) => avatarColour(`user-${i}`)));
    expect(used.size).toBeGreaterThanOrEqual(AVATAR_COLOURS.length - 1);
  });

  it('only uses colours on which white initials reach 4.5:1', () => {
    for (const colour of AVATAR_COLOURS) {
      expect(1.05 / (luminance(colour) + 0.05), colour).toBeGreaterThanOrEqual(4.5);
    }
  });
});
