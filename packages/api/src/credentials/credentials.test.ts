import { httpClient } from '@spotter/test-support';
import { TRPCClientError } from '@trpc/client';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createMemoryBus } from '../bus/memory-bus';
import { createApiHarness } from '../testing/api-harness';
import { errorCode } from '../testing/error-code';
import { generateApiToken, hashApiToken, TOKEN_PREFIX } from './api-tokens';

const h = createApiHarness(inject('databaseUrl'));
afterAll(() => h.close());

/** The code an HTTP call fails with (as a program sees it), or 'no error'. */
const httpCode = (call: Promise<unknown>) =>
  call.then(
    () => 'no error',
    (error: unknown) => (error instanceof TRPCClientError ? String(error.data?.code) : String(error)),
  );

async function userWithToken(scope: 'read' | 'write', expiresInDays?: number) {
  const user = await h.createUser('Bot Owner');
  const { sessionId } = await h.signIn(user.session);
  const owner = h.callerWith(user.session, { userId: user.session.userId, sessionId, scope: 'write' });
  const created = await owner.apiToken.create({
    name: 'PR bot',
    scope,
    ...(expiresInDays ? { expiresInDays } : {}),
  });
  return { ...user, owner, created };
}

describe('API tokens', () => {
  it('are high-entropy, recognisable, and stored only as their SHA-256', async () => {
    const a = generateApiToken();
    expect(a.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(a.length).toBeGreaterThan(40);
    expect(generateApiToken()).not.toBe(a);
    expect(hashApiToken(a)).toMatch(/^[0-9a-f]{64}$/);

    const { created, owner } = await userWithToken('write', 30);
    const row = await h.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashApiToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(row.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    // Listed without the token itself, recognisable by its prefix.
    const [listed] = await owner.apiToken.list();
    expect(listed).toMatchObject({
      id: created.id,
      name: 'PR bot',
      scope: 'write',
      prefix: created.token.slice(0, 10),
    });
    expect(JSON.stringify(listed)).not.toContain(created.token);
  });

  it('work over HTTP as their owner; a read token may query but not mutate', async () => {
    const { created, session } = await userWithToken('read');
    const client = httpClient(h.deps, created.token);
    expect(await client.auth.me.query()).toEqual(session);
    expect(await httpCode(client.channel.create.mutate({ name: h.uniqueName('read only') }))).toBe(
      'FORBIDDEN',
    );
    expect(await h.prisma.channel.count({ where: { createdById: session.userId } })).toBe(0);
    // Used: "last used" is recorded (in the background, once a minute at most).
    await expect
      .poll(async () => (await h.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt)
      .not.toBeNull();
  });

  it('a write token mutates, but cannot mint more tokens', async () => {
    const { created } = await userWithToken('write');
    const client = httpClient(h.deps, created.token);
    const channel = await client.channel.create.mutate({ name: h.uniqueName('bots') });
    expect(channel.id).toBeTruthy();
    expect(await httpCode(client.apiToken.create.mutate({ name: 'child', scope: 'write' }))).toBe(
      'FORBIDDEN',
    );
  });

  it('are refused once revoked or expired, on every call', async () => {
    const { created, owner } = await userWithToken('write', 1);
    const client = httpClient(h.deps, created.token);
    expect(await httpCode(client.channel.listMine.query())).toBe('no error');
    await owner.apiToken.revoke({ tokenId: created.id });
    expect(await httpCode(client.channel.listMine.query())).toBe('UNAUTHORIZED');
    expect(await httpCode(client.auth.me.query())).toBe('UNAUTHORIZED');
    expect(await owner.apiToken.list()).toEqual([]);

    const expiring = await userWithToken('write', 1);
    // Its day has passed (moved back in the database rather than waiting a day).
    await h.prisma.apiToken.update({
      where: { id: expiring.created.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(await httpCode(httpClient(h.deps, expiring.created.token).channel.listMine.query())).toBe(
      'UNAUTHORIZED',
    );
    expect(await httpCode(httpClient(h.deps, `${TOKEN_PREFIX}made-up`).auth.me.query())).toBe('UNAUTHORIZED');
  });

  it('refuses bad input precisely and changes nothing', async () => {
    const { owner, session, created } = await userWithToken('write');
    expect(await errorCode(owner.apiToken.create({ name: 'x'.repeat(51), scope: 'write' }))).toBe(
      'BAD_REQUEST',
    );
    expect(await errorCode(owner.apiToken.create({ name: '   ', scope: 'write' }))).toBe('BAD_REQUEST');
    expect(
      await errorCode(owner.apiToken.create({ name: 'admin', scope: 'admin' as unknown as 'write' })),
    ).toBe('BAD_REQUEST');
    expect(
      await errorCode(owner.apiToken.create({ name: 'forever', scope: 'read', expiresInDays: 366 })),
    ).toBe('BAD_REQUEST');
    expect(await h.prisma.apiToken.count({ where: { userId: session.userId } })).toBe(1);

    const stranger = await userWithToken('write');
    expect(await errorCode(stranger.owner.apiToken.revoke({ tokenId: created.id }))).toBe('NOT_FOUND');
    expect(await errorCode(stranger.owner.apiToken.revoke({ tokenId: 'not-a-uuid' }))).toBe('BAD_REQUEST');
    expect((await h.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } })).revokedAt).toBeNull();
    expect(await httpCode(httpClient(h.deps, created.token).auth.me.query())).toBe('no error');
  });
});

describe('sign-in sessions', () => {
  it('are listed with their device, and revoking one refuses its token only', async () => {
    const user = await h.createUser('Two Browsers');
    const laptop = await h.signIn(
      user.session,
      'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
    );
    const phone = await h.signIn(
      user.session,
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Version/17.0 Mobile/15E148 Safari/604.1',
    );
    const fromLaptop = h.callerWith(user.session, {
      userId: user.session.userId,
      sessionId: laptop.sessionId,
      scope: 'write',
    });
    const listed = await fromLaptop.session.list();
    expect(listed.map((s) => [s.device, s.isCurrent])).toEqual([
      ['Safari on iOS', false],
      ['Firefox on Linux', true],
    ]);

    await fromLaptop.session.revoke({ sessionId: phone.sessionId });
    expect(await httpCode(httpClient(h.deps, phone.token).channel.listMine.query())).toBe('UNAUTHORIZED');
    expect(await httpCode(httpClient(h.deps, laptop.token).channel.listMine.query())).toBe('no error');
    expect((await fromLaptop.session.list()).map((s) => s.id)).toEqual([laptop.sessionId]);
  });

  it('"sign out everywhere" refuses every token of the user, also on a replica that never heard of it', async () => {
    const user = await h.createUser('Everywhere');
    const a = await h.signIn(user.session);
    const b = await h.signIn(user.session);
    await httpClient(h.deps, a.token).session.revokeAll.mutate();
    for (const { token } of [a, b])
      expect(await httpCode(httpClient(h.deps, token).channel.listMine.query())).toBe('UNAUTHORIZED');
    // Another process (another bus, an empty cache: a Redis restart looks the same) asks the database.
    const otherReplica = { ...h.deps, bus: createMemoryBus() };
    expect(await httpCode(httpClient(otherReplica, b.token).channel.listMine.query())).toBe('UNAUTHORIZED');
    await otherReplica.bus.close();
  });

  it("refuses revoking someone else's session, changing nothing", async () => {
    const alice = await h.createUser('Alice');
    const bob = await h.createUser('Bob');
    const bobs = await h.signIn(bob.session);
    expect(await errorCode(alice.caller.session.revoke({ sessionId: bobs.sessionId }))).toBe('NOT_FOUND');
    expect(await httpCode(httpClient(h.deps, bobs.token).channel.listMine.query())).toBe('no error');
  });

  it('a password change ends every other sign-in and keeps this one', async () => {
    const email = `${h.uniqueName('pw').replace(' ', '-')}@test.spotter.dev`;
    await h.anonymous().auth.signUp({ email, name: 'Changer', password: 'violet-kettlebell-93' });
    const user = await h.prisma.user.findUniqueOrThrow({ where: { email } });
    const me = { userId: user.id, name: user.name, email: user.email };
    const here = await h.signIn(me);
    const there = await h.signIn(me);
    const caller = h.callerWith(me, { userId: me.userId, sessionId: here.sessionId, scope: 'write' });
    const change = (currentPassword: string, newPassword: string) =>
      caller.session.changePassword({ currentPassword, newPassword });
    expect(await errorCode(change('wrong', 'copper-tundra-squat-41'))).toBe('UNAUTHORIZED');
    expect(await errorCode(change('violet-kettlebell-93', '12345678'))).toBe('BAD_REQUEST');
    expect(await httpCode(httpClient(h.deps, there.token).channel.listMine.query())).toBe('no error');
    await change('violet-kettlebell-93', 'copper-tundra-squat-41');
    expect(await httpCode(httpClient(h.deps, there.token).channel.listMine.query())).toBe('UNAUTHORIZED');
    expect(await httpCode(httpClient(h.deps, here.token).channel.listMine.query())).toBe('no error');
  });
});
