/**
 * Background colours for initials, each dark enough for white text at WCAG AA (4.5:1 or more).
 * A fixed list rather than a computed hue: equal HSL lightness gives very unequal contrast
 * (yellow and green come out far lighter than blue).
 */
export const AVATAR_COLOURS = [
  '#b3261e',
  '#a34700',
  '#6c5a00',
  '#2b7a0b',
  '#00716b',
  '#1d5fb8',
  '#5b3cc4',
  '#9c2a80',
] as const;

/** Up to two letters: first and last word of the name ("Carol Ann Smith" → "CS", "alice" → "A"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  if (!first) return '?';
  const last = words.length > 1 ? words.at(-1) : undefined;
  // Array.from splits by code point, so an emoji or accented first letter stays whole.
  return [first, last]
    .filter((word): word is string => word !== undefined)
    .map((word) => Array.from(word)[0]?.toLocaleUpperCase() ?? '')
    .join('');
}

/** The same user always gets the same colour, on every device (FNV-1a over the id). */
export function avatarColour(userId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return AVATAR_COLOURS[(hash >>> 0) % AVATAR_COLOURS.length] as string;
}
