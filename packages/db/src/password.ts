import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

// OWASP's scrypt floor (N=2^17 is their first choice, but costs 128 MiB per concurrent login).
const COST = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(plain: string, salt: Buffer, options: ScryptOptions, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(plain.normalize('NFKC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * Hashes a password as `scrypt$N=…,r=…,p=…$<salt>$<key>` (base64): the parameters travel with the
 * hash, so raising the cost later leaves existing hashes verifiable.
 */
export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(plain, salt, COST, KEY_LENGTH);
  return `scrypt$N=${COST.N},r=${COST.r},p=${COST.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** True when `plain` matches `stored`; false for a wrong password or anything not made by `hashPassword`. */
export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const match = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
  if (!match) return false;
  const [, N, r, p, salt, key] = match;
  const expected = Buffer.from(key ?? '', 'base64');
  if (expected.length === 0) return false;
  try {
    const actual = await derive(
      plain,
      Buffer.from(salt ?? '', 'base64'),
      { N: Number(N), r: Number(r), p: Number(p), maxmem: 256 * 1024 * 1024 },
      expected.length,
    );
    return timingSafeEqual(actual, expected);
  } catch {
    // Parameters scrypt rejects (N not a power of two, too much memory): not one of our hashes.
    return false;
  }
}
