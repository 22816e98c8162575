import { randomBytes, randomUUID, scryptSync } from 'node:crypto';
import type { TRPCError } from '@trpc/server';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { authenticate } from '../auth/user-service';
import { createApiHarness } from '../testing/api-harness';
import { errorCode } from '../testing/error-code';

const h = createApiHarness(inject('databaseUrl'));
afterAll(() => h.close());

describe('auth', () => {
  it('signs up, then the credentials sign in (next-auth calls authenticate)', async () => {
    const email = `Lifter-${randomUUID()}@Test.Spotter.dev`;
    expect(await h.anonymous().auth.signUp({ email, name: 'Lifter', password: 'deadlift-200' })).toEqual({
      ok: true,
    });
    const { id: userId } = await h.prisma.user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(await authenticate(h.prisma, { email: email.toLowerCase(), password: 'deadlift-200' })).toEqual({
      userId,
      name: 'Lifter',
      email: email.toLowerCase(),
    });
  });

  it('answers a sign-up for a registered email as for a new one, and changes nothing', async () => {
    const email = `taken-${randomUUID()}@test.spotter.dev`;
    await h.anonymous().auth.signUp({ email, name: 'First', password: 'deadlift-200' });
    const before = await h.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(
      await h
        .anonymous()
        .auth.signUp({ email: email.toUpperCase(), name: 'Second', password: 'bench-press-150' }),
    ).toEqual({ ok: true });
    expect(await h.prisma.user.findUniqueOrThrow({ where: { email } })).toEqual(before);
    expect(await authenticate(h.prisma, { email, password: 'bench-press-150' })).toBeNull();
    expect(await authenticate(h.prisma, { email, password: 'deadlift-200' })).toMatchObject({
      name: 'First',
    });
  });

  it('refuses breached or trivial passwords and look-alike names, creating nothing', async () => {
    for (const password of ['12345678', 'password1', 'qwertyuiop', 'iloveyou123']) {
      const email = `weak-${randomUUID()}@test.spotter.dev`;
      const failure = await h
        .anonymous()
        .auth.signUp({ email, name: 'Weak', password })
        .catch((e: TRPCError) => e);
      expect((failure as TRPCError).code, password).toBe('BAD_REQUEST');
      expect((failure as TRPCError).message).toMatch(/^Choose a stronger password\./);
      expect(await h.prisma.user.count({ where: { email } })).toBe(0);
    }
    const email = `mine-${randomUUID()}@test.spotter.dev`;
    expect(await errorCode(h.anonymous().auth.signUp({ email, name: 'mine-lifter', password: email }))).toBe(
      'BAD_REQUEST',
    );
    for (const name of ['\u0410lice', 'Alice\u200B', '\u202Eecila']) {
      expect(
        await errorCode(h.anonymous().auth.signUp({ email, name, password: 'deadlift-200' })),
        JSON.stringify(name),
      ).toBe('BAD_REQUEST');
    }
    expect(await h.prisma.user.count({ where: { email } })).toBe(0);
  });

  it('upgrades a password hash made at the old cost when its owner signs in', async () => {
    const email = `old-${randomUUID()}@test.spotter.dev`;
    await h.anonymous().auth.signUp({ email, name: 'Old', password: 'deadlift-200' });
    const salt = randomBytes(16);
    const key = scryptSync('deadlift-200', salt, 32, { N: 16384, r: 8, p: 1 });
    const oldHash = `scrypt$N=16384,r=8,p=1$${salt.toString('base64')}$${key.toString('base64')}`;
    await h.prisma.user.update({ where: { email }, data: { passwordHash: oldHash } });

    expect(await authenticate(h.prisma, { email, password: 'deadlift-200' })).toMatchObject({ name: 'Old' });
    const { passwordHash } = await h.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(passwordHash).toMatch(/^scrypt\$N=131072,r=8,p=1\$/);
    expect(await authenticate(h.prisma, { email, password: 'deadlift-200' })).toMatchObject({ name: 'Old' });
  });

  it('rejects wrong passwords and bad sign-up input clearly', async () => {
    const email = `lifter-${randomUUID()}@test.spotter.dev`;
    await h.anonymous().auth.signUp({ email, name: 'Lifter', password: 'deadlift-200' });
    expect(await authenticate(h.prisma, { email, password: 'wrong-password' })).toBeNull();
    const short = await h
      .anonymous()
      .auth.signUp({ email: 'x@y.dev', name: 'X', password: 'short' })
      .catch((e: TRPCError) => e);
    expect((short as TRPCError).code).toBe('BAD_REQUEST');
    expect((short as TRPCError).message).toContain('at least 8 characters');
    expect(
      await errorCode(
        h.anonymous().auth.signUp({ email: 'not-an-email', name: 'X', password: 'long-enough' }),
      ),
    ).toBe('BAD_REQUEST');
  });

  it('reports the session, or null when signed out', async () => {
    const { caller, session } = await h.createUser('Alice');
    expect(await caller.auth.me()).toEqual(session);
    expect(await h.anonymous().auth.me()).toBeNull();
  });
});
