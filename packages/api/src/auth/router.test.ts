import { randomUUID } from 'node:crypto';
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
    const { userId } = await h.anonymous().auth.signUp({ email, name: 'Lifter', password: 'deadlift-200' });
    expect(await authenticate(h.prisma, { email: email.toLowerCase(), password: 'deadlift-200' })).toEqual({
      userId,
      name: 'Lifter',
      email: email.toLowerCase(),
    });
    expect(
      await errorCode(h.anonymous().auth.signUp({ email, name: 'Again', password: 'deadlift-200' })),
    ).toBe('CONFLICT');
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
