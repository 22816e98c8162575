import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

// OWASP's first choice for scrypt: N=2^17, r=8, p=1 (128 MiB and a few hundred ms per hash, which is
// the point). Node refuses more than 32 MiB unless maxmem says otherwise.
const COST = { N: 2 ** 17, r: 8, p: 1 } as const;
const MAX_MEMORY = 256 * 1024 * 1024;
const KEY_LENGTH = 32;
const HASH_FORMAT = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

function derive(plain: string, salt: Buffer, options: ScryptOptions, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(plain.normalize('NFKC'), salt, keyLength, { ...options, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * Hashes a password as `scrypt$N=…,r=…,p=…$<salt>$<key>` (base64): the parameters travel with the
 * hash, so raising the cost later leaves existing hashes verifiable (and `needsRehash` upgrades them).
 */
export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(plain, salt, COST, KEY_LENGTH);
  return `scrypt$N=${COST.N},r=${COST.r},p=${COST.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** True when `plain` matches `stored`; false for a wrong password or anything not made by `hashPassword`. */
export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const match = HASH_FORMAT.exec(stored);
  if (!match) return false;
  const [, N, r, p, salt, key] = match;
  const expected = Buffer.from(key ?? '', 'base64');
  if (expected.length === 0) return false;
  try {
    const actual = await derive(
      plain,
      Buffer.from(salt ?? '', 'base64'),
      { N: Number(N), r: Number(r), p: Number(p) },
      expected.length,
    );
    return timingSafeEqual(actual, expected);
  } catch {
    // Parameters scrypt rejects (N not a power of two, too much memory): not one of our hashes.
    return false;
  }
}

/** True for a hash made with a lower cost than today's: rehash it when its owner next signs in. */
export function needsRehash(stored: string): boolean {
  const match = HASH_FORMAT.exec(stored);
  if (!match) return false;
  return Number(match[1]) < COST.N || Number(match[2]) < COST.r || Number(match[3]) < COST.p;
}

// A hash of nothing anyone knows, verified when the email is unknown so that a sign-in takes as long
// for an unknown email as for a known one (and the timing does not tell which emails have accounts).
let decoy: Promise<string> | undefined;

/** Spends the time of one verification and answers false. */
export async function verifyAgainstDecoy(plain: string): Promise<false> {
  decoy ??= hashPassword(randomBytes(16).toString('base64'));
  await verifyPassword(plain, await decoy);
  return false;
}
