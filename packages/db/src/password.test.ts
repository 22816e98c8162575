import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

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
    expect(a).toMatch(/^scrypt\$N=16384,r=8,p=1\$[^$]+\$[^$]+$/);
    expect(a).not.toContain('same');
  });

  it('rejects stored values it did not make instead of throwing', async () => {
    const stored = await hashPassword('x');
    expect(await verifyPassword('x', 'not-a-login')).toBe(false);
    expect(await verifyPassword('x', '')).toBe(false);
    expect(await verifyPassword('x', stored.replace('N=16384', 'N=1000'))).toBe(false);
    const key = stored.slice(stored.lastIndexOf('$') + 1);
    const flipped = `${key[0] === 'A' ? 'B' : 'A'}${key.slice(1)}`;
    expect(await verifyPassword('x', stored.replace(key, flipped))).toBe(false);
  });
});
