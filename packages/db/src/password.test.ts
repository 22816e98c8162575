import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyAgainstDecoy, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('spotter-demo');
    expect(await verifyPassword('spotter-demo', stored)).toBe(true);
    expect(await verifyPassword('spotter-demo ', stored)).toBe(false);
    expect(await verifyPassword('Spotter-demo', stored)).toBe(false);
  });

  it('salts every hash and says how it was made', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$N=131072,r=8,p=1\$[^$]+\$[^$]+$/);
    expect(a).not.toContain('same');
  });

  it('rejects stored values it did not make instead of throwing', async () => {
    const stored = await hashPassword('x');
    expect(await verifyPassword('x', 'not-a-login')).toBe(false);
    expect(await verifyPassword('x', '')).toBe(false);
    expect(await verifyPassword('x', stored.replace('N=131072', 'N=1000'))).toBe(false);
    const key = stored.slice(stored.lastIndexOf('$') + 1);
    const flipped = `${key[0] === 'A' ? 'B' : 'A'}${key.slice(1)}`;
    expect(await verifyPassword('x', stored.replace(key, flipped))).toBe(false);
  });

  it('keeps verifying hashes made at the old cost and asks for them to be rehashed', async () => {
    const salt = randomBytes(16);
    const key = scryptSync('old-password', salt, 32, { N: 16384, r: 8, p: 1 });
    const old = `scrypt$N=16384,r=8,p=1$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(await verifyPassword('old-password', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword('old-password'))).toBe(false);
  });

  it('answers false for the decoy used when an email is unknown', async () => {
    expect(await verifyAgainstDecoy('spotter-demo')).toBe(false);
  });
});
