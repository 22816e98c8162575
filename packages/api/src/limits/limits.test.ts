import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { signInWithinLimits } from '../auth/sign-in';
import type { Session } from '../context';
import { createHttpHandler } from '../http';
import { appRouter } from '../root';
import { createApiHarness } from '../testing/api-harness';
import { errorCode } from '../testing/error-code';
import { createCallerFactory } from '../trpc';

// Small allowances over long windows: nothing refills while a test runs, however slow the machine.
const h = createApiHarness(inject('databaseUrl'), {
  limits: {
    messageSend: { points: 2, durationS: 600 },
    typing: { points: 1, durationS: 600 },
    friendRequest: { points: 1, durationS: 86_400 },
    signUpIp: { points: 2, durationS: 3600 },
    signInIp: { points: 4, durationS: 600 },
    signInAccount: { points: 2, durationS: 600 },
    tokenCreate: { points: 2, durationS: 3600 },
  },
});
afterAll(() => h.close());
const createCaller = createCallerFactory(appRouter);
/** A caller from one client address (as the servers stamp it), signed in or not. */
const from = (clientIp: string, session: Session | null = null) =>
  createCaller({ ...h.deps, session, clientIp });
/** A fresh documentation address (RFC 5737) per test, so tests never share an allowance. */
const newIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomUUID().slice(0, 6)}`;

/** The refusal of a limited call: its code and the wait it asks for. */
async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return {
    code: error.code,
    message: error.message,
    retryAfterMs: (error.cause as { retryAfterMs?: number }).retryAfterMs,
  };
}

async function publicChannel() {
  const alice = await h.createUser('Alice');
  const channel = await alice.caller.channel.create({ name: h.uniqueName('Sprints') });
  return { alice, channel };
}

describe('abuse limits', () => {
  it('limits sends per user per channel, says when to retry, keeps nothing of the refused send', async () => {
    const { alice, channel } = await publicChannel();
    const other = await alice.caller.channel.create({ name: h.uniqueName('Other') });
    const send = (channelId: string, body: string) => alice.caller.message.send({ channelId, body });
    await send(channel.id, 'one');
    await send(channel.id, 'two');
    const refused = await refusal(send(channel.id, 'three'));
    expect(refused.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.message).toMatch(/^Slow down .* Try again in \d+ s\.$/);
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(600_000);
    const bodies = (await alice.caller.message.list({ channelId: channel.id })).items.map((m) => m.body);
    expect(bodies).toEqual(['one', 'two']);
    // Another channel has its own allowance, and so does another person in this one.
    expect(await errorCode(send(other.id, 'elsewhere'))).toBe('no error');
    const bob = await h.createUser('Bob');
    await bob.caller.channel.join({ channelId: channel.id });
    expect(await errorCode(bob.caller.message.send({ channelId: channel.id, body: 'hi' }))).toBe('no error');
  });

  it('gives each API token its own allowance, apart from the user’s', async () => {
    const { alice, channel } = await publicChannel();
    const auth = { userId: alice.session.userId, tokenId: `tok-${randomUUID()}`, scope: 'write' as const };
    const viaToken = createCaller({ ...h.deps, session: alice.session, auth });
    for (const body of ['a', 'b']) await alice.caller.message.send({ channelId: channel.id, body });
    expect(await errorCode(alice.caller.message.send({ channelId: channel.id, body: 'c' }))).toBe(
      'TOO_MANY_REQUESTS',
    );
    expect(await errorCode(viaToken.message.send({ channelId: channel.id, body: 'bot' }))).toBe('no error');
  });

  it('limits typing notices per channel', async () => {
    const { alice, channel } = await publicChannel();
    await alice.caller.typing.notify({ channelId: channel.id });
    const refused = await refusal(alice.caller.typing.notify({ channelId: channel.id }));
    expect(refused).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/Try again in/),
    });
    expect(refused.retryAfterMs).toBeGreaterThan(0);
  });

  it('limits friend requests per day, and the refused one is not sent', async () => {
    const alice = await h.createUser('Alice');
    const bob = await h.createUser('Bob');
    const carol = await h.createUser('Carol');
    await alice.caller.friends.request({ username: bob.username });
    const refused = await refusal(alice.caller.friends.request({ username: carol.username }));
    expect(refused.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.retryAfterMs).toBeGreaterThan(60 * 60 * 1000);
    expect(await carol.caller.friends.list()).toEqual([]);
  });

  it('limits sign-ups per client address; another address is not affected', async () => {
    const ip = newIp();
    const account = () => ({
      email: `${randomUUID()}@test.spotter.dev`,
      name: 'New',
      password: 'long enough pw',
    });
    await from(ip).auth.signUp(account());
    await from(ip).auth.signUp(account());
    const refusedAccount = account();
    const refused = await refusal(from(ip).auth.signUp(refusedAccount));
    expect(refused.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(await h.prisma.user.count({ where: { email: refusedAccount.email } })).toBe(0);
    expect(await errorCode(from(newIp()).auth.signUp(account()))).toBe('no error');
  });

  it('limits API token creation per user', async () => {
    const alice = await h.createUser('Alice');
    const create = (name: string) => alice.caller.apiToken.create({ name, scope: 'read' });
    expect(await errorCode(create('one'))).toBe('no error');
    expect(await errorCode(create('two'))).toBe('no error');
    const refused = await refusal(create('three'));
    expect(refused.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.message).toMatch(/API tokens/);
    expect((await alice.caller.apiToken.list()).map((token) => token.name).sort()).toEqual(['one', 'two']);
  });

  it('limits failed sign-ins per account (a success clears them) and attempts per address', async () => {
    const email = `${randomUUID()}@test.spotter.dev`;
    await from(newIp()).auth.signUp({ email, name: 'Runner', password: 'right password' });
    const signIn = (password: string, ip = newIp()) => signInWithinLimits(h.deps, { email, password }, ip);
    expect(await signIn('wrong')).toBeNull();
    expect(await signIn('right password')).not.toBeNull();
    // The success gave the account its allowance back: two more failures, then even the right password waits.
    expect(await signIn('wrong')).toBeNull();
    expect(await signIn('wrong again')).toBeNull();
    await expect(signIn('right password')).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/failed sign-ins to this account\. Try again in \d+ s\./),
      retryAfterMs: expect.any(Number),
    });
    // Per address: every attempt counts, whatever the account (the same email in another case too).
    const ip = newIp();
    for (let i = 0; i < 4; i++)
      await signInWithinLimits(h.deps, { email: `${randomUUID()}@x.dev`, password: 'x' }, ip);
    await expect(
      signInWithinLimits(h.deps, { email: `${randomUUID()}@x.dev`, password: 'x' }, ip),
    ).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/from your network/),
    });
  });
});

describe('the HTTP endpoint', () => {
  const handle = createHttpHandler(h.deps);
  const post = (path: string, body: unknown, token: string) =>
    handle(
      new Request(`http://web.test/api/trpc/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      }),
    );

  it('answers a limited call 429 with Retry-After and retryAfterMs in the error data', async () => {
    const { alice, channel } = await publicChannel();
    const { token } = await h.signIn(alice.session);
    const send = (body: string) => post('message.send', { json: { channelId: channel.id, body } }, token);
    expect((await send('one')).status).toBe(200);
    expect((await send('two')).status).toBe(200);
    const limited = await send('three');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const { error } = (await limited.json()) as {
      error: { json: { data: { code: string; retryAfterMs: number } } };
    };
    expect(error.json.data).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterMs: expect.any(Number) });
  });

  it('refuses a batch of more than 50 calls whole, before any call runs', async () => {
    const { alice, channel } = await publicChannel();
    const { token } = await h.signIn(alice.session);
    const batch = (path: string, inputs: unknown[]) =>
      post(
        `${inputs.map(() => path).join(',')}?batch=1`,
        Object.fromEntries(inputs.map((input, i) => [i, { json: input }])),
        token,
      );
    const sends = Array.from({ length: 51 }, (_, i) => ({ channelId: channel.id, body: `flood ${i}` }));
    expect((await batch('message.send', sends)).status).toBe(400);
    expect(await h.prisma.message.count({ where: { channelId: channel.id } })).toBe(0);
    // 50 calls are one batch: each runs (joining is idempotent).
    const fifty = await batch(
      'channel.join',
      Array.from({ length: 50 }, () => ({ channelId: channel.id })),
    );
    expect(fifty.status).toBe(200);
    expect((await fifty.json()) as unknown[]).toHaveLength(50);
  });
});
