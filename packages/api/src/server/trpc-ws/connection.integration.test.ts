import { once } from 'node:events';
import { connectClient, openAccepted } from '@spotter/test-support';
import { TRPCClientError } from '@trpc/client';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AppRouter } from '../../root';
import { type ApiHarness, createApiHarness } from '../../testing/api-harness';
import { type EndpointServer, startEndpointServer } from '../../testing/endpoint-server';
import { MAX_PAYLOAD_BYTES, type WsEndpointOptions } from '../ws-endpoint';

// The endpoint on a plain HTTP server, with small limits so each one is reached quickly.
const LIMITS = {
  authenticationDeadlineMs: 300,
  connectionsPerUser: 3,
  subscriptionsPerConnection: 5,
  sameSubscriptionsPerConnection: 2,
  slowConsumerBytes: 256 * 1024,
  callsPerSecond: 1_000,
};

let h: ApiHarness;
let running: EndpointServer;
let wsUrl: string;
const cleanups: (() => unknown)[] = [];

beforeAll(async () => {
  h = createApiHarness(inject('databaseUrl'));
  running = await startEndpointServer({
    deps: h.deps,
    path: '/ws',
    allowedOrigins: [],
    otherPaths: 'refuse',
    limits: LIMITS,
  });
  wsUrl = `ws://${running.host}/ws`;
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

afterAll(async () => {
  await running?.close();
  await h?.close();
});

/** A second endpoint with settings of its own, closed after the test. */
async function ownEndpoint(settings: Pick<WsEndpointOptions, 'limits' | 'keepAlive'>) {
  const own = await startEndpointServer({
    deps: h.deps,
    path: '/ws',
    allowedOrigins: [],
    otherPaths: 'refuse',
    ...settings,
  });
  cleanups.push(() => own.close());
  return own;
}

/** A user in a fresh channel, with their token for connectionParams. */
async function member() {
  const user = await h.createUser('Socket Tester');
  const channel = await user.caller.channel.create({ name: h.uniqueName('Wire') });
  const token = (await h.signIn(user.session)).token;
  return { ...user, channel, token };
}

/** A raw socket authenticated with connection params, keeping every JSON frame it receives. */
async function rawSocket(token: string, url = wsUrl) {
  const socket = await openAccepted(`${url}?connectionParams=1`);
  cleanups.push(() => socket.terminate());
  const frames: Frame[] = [];
  socket.on('message', (raw) => {
    const text = raw.toString();
    if (text.startsWith('{') || text.startsWith('[')) frames.push(JSON.parse(text) as Frame);
  });
  socket.send(JSON.stringify({ method: 'connectionParams', data: { token } }));
  return { socket, frames };
}

type Frame = {
  id: number | string | null;
  result?: { type: string; data?: { json?: { data?: { type?: string } } } };
  error?: { json: { message: string; data: { code: string; path?: string; retryAfterMs?: number } } };
};

function call(id: unknown, path: string, input?: unknown, method = 'query') {
  return { id, method, params: { path, input: { json: input } } };
}

async function framesFor(frames: Frame[], count: number) {
  await expect.poll(() => frames.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(count);
  return frames;
}

const codeOf = (frame: Frame | undefined) => frame?.error?.json.data.code;

describe('the official wsLink client on our endpoint', () => {
  it('runs queries, mutations and tracked subscriptions, resumes from lastEventId and reports error codes', async () => {
    const alice = await member();
    const client = connectClient(wsUrl, alice.token);
    cleanups.push(() => client.close());
    expect(await client.trpc.auth.me.query()).toEqual(alice.session);

    const first = await client.trpc.message.send.mutate({ channelId: alice.channel.id, body: 'first' });
    const seen: string[] = [];
    const subscription = client.trpc.channel.onEvent.subscribe(
      { channelId: alice.channel.id, lastEventId: String(first.seq - 1) },
      {
        onData: ({ id, data }) => {
          if (data.type === 'message.created') seen.push(`${id}:${data.message.body}`);
        },
      },
    );
    cleanups.push(() => subscription.unsubscribe());
    await client.trpc.message.send.mutate({ channelId: alice.channel.id, body: 'second' });
    await expect.poll(() => seen).toEqual([`${first.seq}:first`, `${first.seq + 1}:second`]);

    const refused = await client.trpc.message.send
      .mutate({ channelId: alice.channel.id, body: ' ' })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TRPCClientError);
    expect((refused as TRPCClientError<AppRouter>).data?.code).toBe('BAD_REQUEST');
  });
});

describe('protocol edges', () => {
  it('answers an empty batch, refuses a duplicate id, never echoes an oversized id, and caps calls per frame', async () => {
    const { token } = await member();
    const { socket, frames } = await rawSocket(token);

    socket.send('[]');
    const [empty] = await framesFor(frames, 1);
    expect(empty?.id).toBeNull();
    expect(codeOf(empty)).toBe('BAD_REQUEST');

    socket.send(JSON.stringify(call('x'.repeat(1_000_000), 'auth.me')));
    await framesFor(frames, 2);
    expect(frames[1]?.id).toBeNull();
    expect(codeOf(frames[1])).toBe('PARSE_ERROR');

    // Two live subscriptions with one id: the second is refused, the first goes on.
    const subscribe = call('sub', 'status.onDelivery', undefined, 'subscription');
    socket.send(JSON.stringify([subscribe, subscribe]));
    await expect.poll(() => frames.filter((frame) => frame.id === 'sub').length).toBeGreaterThanOrEqual(2);
    const duplicate = frames.find((frame) => frame.id === 'sub' && frame.error);
    expect(codeOf(duplicate)).toBe('BAD_REQUEST');

    const before = frames.length;
    socket.send(JSON.stringify(Array.from({ length: 150 }, (_, i) => call(1000 + i, 'auth.me'))));
    await framesFor(frames, before + 150);
    const batch = frames.slice(before);
    expect(batch.filter((frame) => frame.result).length).toBe(100);
    const refused = batch.filter((frame) => frame.error);
    expect(refused).toHaveLength(50);
    expect(new Set(refused.map(codeOf))).toEqual(new Set(['TOO_MANY_REQUESTS']));
    // Every refusal names its call.
    expect(refused.map((frame) => frame.id)).toEqual(Array.from({ length: 50 }, (_, i) => 1100 + i));
  });

  it('closes a socket that keeps sending malformed frames (1008), after answering the first ones', async () => {
    const { token } = await member();
    const { socket, frames } = await rawSocket(token);
    const closed = once(socket, 'close');
    for (let i = 0; i < 30; i++) socket.send(i % 2 ? 'not json' : '{"id":1,"method":"nope"}');
    const [code] = (await closed) as [number];
    expect(code).toBe(1008);
    expect(frames.length).toBeGreaterThan(0);
    expect(new Set(frames.map(codeOf))).toEqual(new Set(['PARSE_ERROR']));
  });

  it('closes a socket that announced connection params but never sent them (4408)', async () => {
    const socket = await openAccepted(`${wsUrl}?connectionParams=1`);
    cleanups.push(() => socket.terminate());
    const [code] = (await once(socket, 'close')) as [number];
    expect(code).toBe(4408);
  });
});

describe('limits that keep one client from hurting the rest', () => {
  it('caps the subscriptions of one connection and keeps serving it', async () => {
    const { token, channel, caller } = await member();
    const channelIds = [channel.id];
    for (let i = 1; i < LIMITS.subscriptionsPerConnection + 2; i++)
      channelIds.push((await caller.channel.create({ name: h.uniqueName('Wire') })).id);
    const { socket, frames } = await rawSocket(token);
    socket.send(
      JSON.stringify(
        channelIds.map((channelId, i) => call(i + 1, 'channel.onEvent', { channelId }, 'subscription')),
      ),
    );
    await framesFor(frames, channelIds.length);
    const started = frames.filter((frame) => frame.result?.type === 'started').map((frame) => frame.id);
    const refused = frames.filter((frame) => codeOf(frame) === 'TOO_MANY_REQUESTS').map((frame) => frame.id);
    expect(started).toHaveLength(LIMITS.subscriptionsPerConnection);
    expect(refused).toHaveLength(2);
    socket.send(JSON.stringify(call(99, 'auth.me')));
    await expect.poll(() => frames.some((frame) => frame.id === 99 && frame.result)).toBe(true);
  });

  it('caps identical subscriptions of one connection, so one socket cannot multiply a channel’s traffic', async () => {
    const { token, channel, caller } = await member();
    const other = await caller.channel.create({ name: h.uniqueName('Wire') });
    const { socket, frames } = await rawSocket(token);
    const subscribe = (id: number, channelId: string, extra = {}) =>
      call(id, 'channel.onEvent', { channelId, ...extra }, 'subscription');
    // The same channel four times (once with another resume point, which is still the same feed).
    socket.send(
      JSON.stringify([
        subscribe(1, channel.id),
        subscribe(2, channel.id),
        subscribe(3, channel.id, { lastEventId: '1' }),
        subscribe(4, channel.id),
        subscribe(5, other.id),
      ]),
    );
    await framesFor(frames, 5);
    const startedIds = () =>
      frames.filter((frame) => frame.result?.type === 'started').map((frame) => frame.id);
    expect(startedIds()).toEqual(expect.arrayContaining([1, 2, 5]));
    expect(startedIds()).toHaveLength(3);
    const refused = frames.filter((frame) => codeOf(frame) === 'TOO_MANY_REQUESTS');
    expect(refused.map((frame) => frame.id)).toEqual([3, 4]);
    expect(refused[0]?.error?.json.message).toMatch(/identical subscriptions/);

    // A message reaches each of the two copies once, not four times.
    await caller.message.send({ channelId: channel.id, body: 'one set' });
    const created = () =>
      frames.filter((frame) => frame.result?.data?.json?.data?.type === 'message.created').map((f) => f.id);
    await expect.poll(created).toHaveLength(2);

    // Stopping a copy frees its place.
    socket.send(JSON.stringify({ id: 1, method: 'subscription.stop' }));
    await expect
      .poll(() => frames.some((frame) => frame.id === 1 && frame.result?.type === 'stopped'))
      .toBe(true);
    socket.send(JSON.stringify(subscribe(6, channel.id)));
    await expect.poll(startedIds).toContain(6);
  });

  it('says which cap refused each call, when refusals of different reasons follow one another', async () => {
    const { token, channel } = await member();
    const { socket, frames } = await rawSocket(token);
    const subscribe = (id: number) => call(id, 'channel.onEvent', { channelId: channel.id }, 'subscription');
    const messageOf = (id: number) => frames.find((frame) => frame.id === id)?.error?.json.message;
    const answered = (id: number) => frames.some((frame) => frame.id === id);

    socket.send(JSON.stringify([subscribe(1), subscribe(2), subscribe(3)]));
    await expect.poll(() => answered(3)).toBe(true);
    socket.send(JSON.stringify(Array.from({ length: 101 }, (_, i) => call(10 + i, 'auth.me'))));
    await expect.poll(() => answered(110)).toBe(true);
    socket.send(JSON.stringify(subscribe(4)));
    await expect.poll(() => answered(4)).toBe(true);

    expect(messageOf(3)).toMatch(/identical subscriptions/);
    expect(messageOf(110)).toMatch(/calls per frame/);
    expect(messageOf(4)).toMatch(/identical subscriptions/);
    expect(frames.find((frame) => frame.id === 4)?.error?.json.data).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      path: 'channel.onEvent',
    });
  });

  it('refuses a user’s connections beyond the cap with 4429, and not other users’', async () => {
    const alice = await member();
    const open = await Promise.all(
      Array.from({ length: LIMITS.connectionsPerUser }, () => rawSocket(alice.token)),
    );
    for (const { socket, frames } of open) {
      socket.send(JSON.stringify(call(1, 'auth.me')));
      await framesFor(frames, 1);
    }
    const extra = await rawSocket(alice.token);
    const [code] = (await once(extra.socket, 'close')) as [number];
    expect(code).toBe(4429);

    const bob = await member();
    const { socket, frames } = await rawSocket(bob.token);
    socket.send(JSON.stringify(call(1, 'auth.me')));
    const [answer] = await framesFor(frames, 1);
    expect(answer?.result).toBeDefined();
  });

  it('closes a socket that sends a frame over the size limit (1009) and keeps serving others', async () => {
    const { token } = await member();
    const big = await rawSocket(token);
    big.socket.send(Buffer.alloc(MAX_PAYLOAD_BYTES + 1));
    const [code] = (await once(big.socket, 'close')) as [number];
    expect(code).toBe(1009);

    const other = await rawSocket(token);
    other.socket.send(JSON.stringify(call(1, 'auth.me')));
    const [answer] = await framesFor(other.frames, 1);
    expect(answer?.result).toBeDefined();
  });

  it('sends a long replay in full to a client that reads it, rather than taking it for one that stopped', async () => {
    // A replay is written in one go; 60 long messages are far more than this endpoint lets wait unsent.
    const strict = await ownEndpoint({ limits: { slowConsumerBytes: 64 * 1024 } });
    const alice = await member();
    const SENDS = 60;
    const body = 'x'.repeat(4_000);
    for (let i = 0; i < SENDS; i++) await alice.caller.message.send({ channelId: alice.channel.id, body });

    const { socket, frames } = await rawSocket(alice.token, `ws://${strict.host}/ws`);
    let isClosed = false;
    socket.once('close', () => {
      isClosed = true;
    });
    const resume = { channelId: alice.channel.id, lastEventId: '0' };
    socket.send(JSON.stringify(call('events', 'channel.onEvent', resume, 'subscription')));
    const delivered = () =>
      frames.filter(
        (frame) => frame.id === 'events' && frame.result?.data?.json?.data?.type === 'message.created',
      ).length;
    await expect.poll(() => delivered() === SENDS || isClosed, { timeout: 10_000 }).toBe(true);
    expect(isClosed).toBe(false);
    expect(delivered()).toBe(SENDS);
  });

  it('cuts off a client that never reads, while another on the same server receives everything', async () => {
    const alice = await member();
    const slow = await rawSocket(alice.token);
    const healthy = await rawSocket(alice.token);
    for (const { socket } of [slow, healthy])
      socket.send(
        JSON.stringify(call('events', 'channel.onEvent', { channelId: alice.channel.id }, 'subscription')),
      );
    for (const { frames } of [slow, healthy]) await framesFor(frames, 1);
    // The slow client stops reading: the kernel's buffers fill, then the server's.
    slow.socket.pause();
    const slowClosed = once(slow.socket, 'close');

    const SENDS = 2_000;
    const body = 'x'.repeat(4_000);
    for (let i = 0; i < SENDS; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, SENDS - i) }, () =>
          alice.caller.message.send({ channelId: alice.channel.id, body }),
        ),
      );
    }
    const delivered = (frames: Frame[]) =>
      frames.filter(
        (frame) => frame.id === 'events' && frame.result?.data?.json?.data?.type === 'message.created',
      );
    await expect.poll(() => delivered(healthy.frames).length, { timeout: 30_000 }).toBe(SENDS);

    slow.socket.resume();
    await slowClosed;
    expect(delivered(slow.frames).length).toBeLessThan(SENDS);
  });

  it('answers a user’s calls beyond the allowance with TOO_MANY_REQUESTS before running them', async () => {
    const strict = await ownEndpoint({ limits: { callsPerSecond: 5 } });
    const alice = await member();
    // Two sockets of one user share the allowance.
    const first = await rawSocket(alice.token, `ws://${strict.host}/ws`);
    const second = await rawSocket(alice.token, `ws://${strict.host}/ws`);
    const send = (i: number) =>
      call(i, 'message.send', { channelId: alice.channel.id, body: `rep ${i}` }, 'mutation');
    first.socket.send(JSON.stringify([1, 2, 3, 4].map(send)));
    second.socket.send(JSON.stringify([5, 6, 7, 8].map(send)));
    const frames = [...(await framesFor(first.frames, 4)), ...(await framesFor(second.frames, 4))];
    expect(frames.filter((frame) => frame.result)).toHaveLength(5);
    const refused = frames.filter((frame) => frame.error);
    expect(refused.map(codeOf)).toEqual(['TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
    for (const { error } of refused) {
      expect(error?.json.message).toContain('at most 5 a second');
      // When to try again, within the one-second window.
      expect(error?.json.data.retryAfterMs).toBeGreaterThan(0);
      expect(error?.json.data.retryAfterMs).toBeLessThanOrEqual(1_000);
    }
    // Only the admitted sends were stored.
    expect(await h.prisma.message.count({ where: { channelId: alice.channel.id } })).toBe(5);
  });

  it('pings a silent socket and cuts it off when no answer comes; a client that answers stays', async () => {
    const quick = await ownEndpoint({ keepAlive: { pingMs: 200, pongWaitMs: 200 } });
    const alice = await member();
    const mute = await openAccepted(`ws://${quick.host}/ws`);
    cleanups.push(() => mute.terminate());
    const pings: string[] = [];
    mute.on('message', (raw) => pings.push(raw.toString()));
    const client = connectClient(`ws://${quick.host}/ws`, alice.token);
    cleanups.push(() => client.close());
    const states: string[] = [];
    const subscription = client.trpc.status.onDelivery.subscribe(undefined, {
      onConnectionStateChange: (state) => states.push(state.state),
    });
    cleanups.push(() => subscription.unsubscribe());
    await expect.poll(() => states).toContain('pending');

    await once(mute, 'close');
    expect(pings).toContain('PING');
    // Several ping rounds later, wsLink (which answers every PING) never had to reconnect.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(states.filter((state) => state === 'connecting').length).toBeLessThanOrEqual(1);
    expect(await client.trpc.auth.me.query()).toEqual(alice.session);
  });
});
