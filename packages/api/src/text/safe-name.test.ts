import { describe, expect, it } from 'vitest';
import { DisplayName, lookAlikeProblem } from './safe-name';

describe('names that could pass for someone else', () => {
  it('refuses a Cyrillic letter hidden in a Latin name', () => {
    expect(lookAlikeProblem('\u0410lice')).toMatch(/mixes Latin letters with look-alike letters/);
    expect(lookAlikeProblem('P\u0430ul Smith')).toMatch(/mixes Latin/);
    expect(lookAlikeProblem('\u0391lex')).toMatch(/mixes Latin/); // Greek capital alpha
  });

  it('refuses zero-width and text-direction characters', () => {
    for (const trick of [
      'Alice\u200B',
      'Al\u200Dice',
      '\u202Eecila',
      'Alice\u2066',
      '\uFEFFAlice',
      'Ali\u00ADce',
    ]) {
      expect(lookAlikeProblem(trick), JSON.stringify(trick)).toMatch(/invisible or text-direction/);
    }
  });

  it('accepts names written in one alphabet per word', () => {
    for (const name of [
      'Alice',
      'Zoë Ørsted',
      'Алиса',
      'Anna Каренина',
      '李雷',
      'José-María',
      "O'Brien",
      'محمد',
    ]) {
      expect(lookAlikeProblem(name), name).toBeNull();
    }
  });

  it('normalizes compatibility forms and trims', () => {
    expect(DisplayName.parse('  \uFF21lice ')).toBe('Alice'); // full-width A
    expect(DisplayName.safeParse('   ').success).toBe(false);
    expect(DisplayName.safeParse('x'.repeat(51)).success).toBe(false);
  });
});
