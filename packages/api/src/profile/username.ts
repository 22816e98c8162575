import type { Database } from '@spotter/db';
import { z } from 'zod';

export const USERNAME_MIN = 2;
export const USERNAME_MAX = 32;

/**
 * A handle as people type it after "@": compared lowercase, so "Alice" and "alice" are one name.
 * Letters a–z, digits, "_" and "." only, which also keeps look-alike Unicode out of mentions.
 */
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .min(USERNAME_MIN, `A username needs at least ${USERNAME_MIN} characters.`)
  .max(USERNAME_MAX, `A username can be at most ${USERNAME_MAX} characters.`)
  .regex(/^[a-z0-9_.]+$/, 'A username may use only letters a–z, digits, "_" and ".".');

/** A username made from an email's local part ("Jo.Smith+gym@…" → "jo.smithgym"), not yet checked for clashes. */
export function usernameFromEmail(email: string): string {
  const cleaned = (email.split('@')[0] ?? '').toLowerCase().replace(/[^a-z0-9_.]/g, '');
  return (cleaned || 'user').slice(0, USERNAME_MAX - 4).padEnd(USERNAME_MIN, '_');
}

/**
 * The first free username among `base`, `base2`, `base3`…: for accounts created without choosing
 * one (scripts, bots). A race with another sign-up surfaces as a unique violation on insert.
 */
export async function freeUsername(prisma: Database, base: string): Promise<string> {
  const taken = new Set(
    (
      await prisma.user.findMany({ where: { username: { startsWith: base } }, select: { username: true } })
    ).map((user) => user.username),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}
