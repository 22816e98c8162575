import { z } from 'zod';

// Characters that change how a name looks without being visible themselves: control characters,
// and format characters (\p{Cf}: zero-width spaces and joiners, bidi embeddings, overrides and
// isolates, soft hyphens, the BOM). "Alice\u200B" or a right-to-left override would render like
// someone else's name.
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

// Scripts whose letters double as Latin ones (Cyrillic "А" is Latin "A" on screen). A word that
// mixes one of them with Latin is the classic impersonation trick ("Аlice"); a word written wholly
// in one script is fine, and so are names whose words use different scripts ("Anna Каренина").
const LOOK_ALIKE_SCRIPTS = [/\p{Script=Cyrillic}/u, /\p{Script=Greek}/u, /\p{Script=Armenian}/u];
const LATIN = /\p{Script=Latin}/u;

/** Why `name` could pass for another name on screen, or null when it is fine. */
export function lookAlikeProblem(name: string): string | null {
  if (INVISIBLE.test(name)) return 'Names cannot contain invisible or text-direction characters.';
  for (const word of name.split(/[^\p{L}\p{M}]+/u)) {
    if (LATIN.test(word) && LOOK_ALIKE_SCRIPTS.some((script) => script.test(word))) {
      return `"${word}" mixes Latin letters with look-alike letters of another alphabet. Use one alphabet per word.`;
    }
  }
  return null;
}

/**
 * A name people see (a display name, a channel or group name): NFKC-normalized, so full-width and
 * other compatibility forms become their plain letters, trimmed, and refused when it could pass for
 * another name (see lookAlikeProblem).
 */
export function safeName(limits: { min: number; max: number; tooShort: string; tooLong: string }) {
  return z
    .string()
    .transform((value) => value.normalize('NFKC').trim())
    .pipe(z.string().min(limits.min, limits.tooShort).max(limits.max, limits.tooLong))
    .superRefine((value, ctx) => {
      const problem = lookAlikeProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

/** A person's display name. */
export const DisplayName = safeName({
  min: 1,
  max: 50,
  tooShort: 'Tell us your name.',
  tooLong: 'A name can be at most 50 characters.',
});
