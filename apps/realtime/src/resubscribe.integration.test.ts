import { setTimeout as sleep } from 'node:timers/promises';
import type { AppRouter } from '@spotter/api';
import { BrowserLikeWebSocket, createSpotterClient, type SpotterClient } from '@spotter/api/client';
import { resubscribeLink } from '@spotter/api/links';
import {
  type PostgresServer,
  type Replica,
  recordChannelEvents,
  recordMyEvents,
  startPostgresServer,
  startTcpProxy,
  startTestStack,
  type TcpProxy,
  type TestStack,
  waitUntil,
} from '@spotter/test-support';
import { createTRPCClient, createWSClient, TRPCClientError, wsLink } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A subscription started while the replica cannot reach its database fails with SERVICE_UNAVAILABLE
// though the socket stays up. The clients (the web app's and @spotter/api/client) start it again
// until it holds, so the person or program hears every event once the database is back.

// A PostgreSQL of the test's own, so it can be stopped while the replica keeps running.
let postgres: PostgresServer;
let stack: TestStack;
let replica: Replica;
const clients: SpotterClient[] = [];
const closers: (() => unknown)[] = [];
let proxy: TcpProxy | undefined;

beforeAll(async () => {
  postgres = await startPostgresServer();
  stack = await startTestStack({ replicas: 1, postgresUrl: postgres.url });
  [replica] = stack.replicas as [Replica];
});

afterAll(async () => {
  for (const client of clients) client.close();
  for (const close of closers) await close();
  await proxy?.close();
  await stack?.stop();
  await postgres?.destroy();
});

describe('a subscription started while the database is away', () => {
  it('is started again until the database is back, and then delivers every event', async () => {
    const alice = await stack.createUser('Alice');
    const bob = await stack.createUser('Bob');
    // Every attempt's delay is asked for here: the socket stays up, so each one is a resubscription.
    let retries = 0;
    // What a program (or the page's status line) hears of its paused subscriptions.
    const paused: number[] = [];
    const aliceClient = connect(
      alice.token,
      () => {
        retries++;
        return 100;
      },
      (count) => paused.push(count),
    );
    const bobClient = connect(bob.token, () => 100);
    const channel = await aliceClient.trpc.channel.create.mutate({ name: 'Deadlift club' });
    await bobClient.trpc.channel.join.mutate({ channelId: channel.id });

    await postgres.stop();
    const channelStream = recordChannelEvents(aliceClient, { channelId: channel.id });
    const myStream = recordMyEvents(aliceClient);
    // Both subscriptions were refused, and started again twice or more each, while the socket
    // stayed open; both count as paused.
    await waitUntil(() => retries >= 4 && paused.at(-1) === 2, {
      timeoutMs: 15_000,
      intervalMs: 50,
      onTimeout: () =>
        new Error(`${retries} restarts (want 4), paused counts [${paused.join(',')}] (want 2 last)`),
    });
    await postgres.start();

    const sent = await untilAvailable(() =>
      bobClient.trpc.message.send.mutate({ channelId: channel.id, body: 'Back on the bar' }),
    );
    await channelStream.until("Bob's message", () => channelStream.bodies().includes('Back on the bar'));
    expect(channelStream.createdSeqs()).toEqual([sent.seq]);
    // Alice joins Bob's new channel (from another tab, say): her personal stream, restarted too, hears of it.
    const bobsChannel = await bobClient.trpc.channel.create.mutate({ name: 'Bench night' });
    await aliceClient.trpc.channel.join.mutate({ channelId: bobsChannel.id });
    await myStream.until('the joined channel', () =>
      myStream.received.some(
        ({ event }) => event.type === 'channel.added' && event.channel.id === bobsChannel.id,
      ),
    );
    expect(channelStream.errors).toEqual([]);
    expect(myStream.errors).toEqual([]);
    // Both started again: nothing is paused any more.
    expect(paused.at(-1)).toBe(0);
  });

  it('still ends at once on a refusal another try would repeat', async () => {
    const carol = await stack.createUser('Carol');
    const dave = await stack.createUser('Dave');
    const channel = await connect(carol.token, () => 100).trpc.channel.create.mutate({
      name: 'Invite only',
      visibility: 'PRIVATE',
    });
    let retries = 0;
    const daveClient = connect(dave.token, () => {
      retries++;
      return 100;
    });
    const error = await recordChannelEvents(daveClient, { channelId: channel.id }).firstError();
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<never>).data).toMatchObject({ code: 'NOT_FOUND' });
    expect(retries).toBe(0);
  });
});

describe('the backoff of a subscription that fails again', () => {
  it('starts from the first delay once the subscription had run steadily, and keeps growing otherwise', async () => {
    const erin = await stack.createUser('Erin');
    proxy = await startTcpProxy({ host: '127.0.0.1', port: replica.port });
    // Two programs of Erin's through the same proxy: one counts 300 ms of running as steady, the
    // other a minute. Each records how many failures in a row every wait was asked for.
    const steady = linkClient(proxy, erin.token, 300);
    const jumpy = linkClient(proxy, erin.token, 60_000);
    const subscribe = (client: typeof steady) => client.trpc.me.onEvent.subscribe({}, { onData() {} });
    // Both sockets open and signed in before the database goes.
    await Promise.all([steady.trpc.me.units.query(), jumpy.trpc.me.units.query()]);
    await postgres.stop();
    subscribe(steady);
    subscribe(jumpy);
    const asked = () => `asked: steady [${steady.asked.join(',')}], jumpy [${jumpy.asked.join(',')}]`;
    const bothFailedTwice = () => Math.min(steady.asked.length, jumpy.asked.length) >= 2;
    await waitUntil(bothFailedTwice, {
      timeoutMs: 15_000,
      intervalMs: 50,
      onTimeout: () => new Error(asked()),
    });
    await postgres.start();
    await waitUntil(() => steady.paused === 0 && jumpy.paused === 0, {
      timeoutMs: 15_000,
      intervalMs: 50,
      onTimeout: () => new Error(`paused: steady ${steady.paused}, jumpy ${jumpy.paused}`),
    });
    const jumpyBefore = jumpy.asked.at(-1) as number;
    expect(steady.asked.at(-1)).toBeGreaterThanOrEqual(2);
    // Running longer than the steady client's 300 ms, far shorter than the other's minute.
    await sleep(600);

    // The database goes again and the socket is cut: the reconnected socket's subscriptions are refused.
    const steadyAsked = steady.asked.length;
    const jumpyAsked = jumpy.asked.length;
    await postgres.stop();
    proxy.cutAll();
    await waitUntil(() => steady.asked.length > steadyAsked && jumpy.asked.length > jumpyAsked, {
      timeoutMs: 15_000,
      intervalMs: 50,
      onTimeout: () => new Error(asked()),
    });
    await postgres.start();
    expect(steady.asked[steadyAsked]).toBe(1);
    expect(jumpy.asked[jumpyAsked]).toBe(jumpyBefore + 1);
  });
});

/** A program's own client with resubscribeLink, through the proxy, recording the backoff's questions. */
function linkClient(through: TcpProxy, token: string, steadyMs: number) {
  const state = { asked: [] as number[], paused: 0 };
  const wsClient = createWSClient({
    url: `ws://127.0.0.1:${through.port}/ws`,
    WebSocket: BrowserLikeWebSocket as unknown as typeof globalThis.WebSocket,
    connectionParams: { token },
    retryDelayMs: () => 100,
  });
  closers.push(() => wsClient.close());
  const trpc = createTRPCClient<AppRouter>({
    links: [
      resubscribeLink({
        steadyMs,
        delayMs: (failuresInARow) => {
          state.asked.push(failuresInARow);
          return 100;
        },
        onPausedChange: (count) => {
          state.paused = count;
        },
      }),
      wsLink<AppRouter>({ client: wsClient, transformer: superjson }),
    ],
  });
  return Object.assign(state, { trpc });
}

function connect(
  token: string,
  retryDelayMs: (attempt: number) => number,
  onPausedChange?: (paused: number) => void,
): SpotterClient {
  const client = createSpotterClient({
    wsUrl: replica.url,
    token,
    retryDelayMs,
    ...(onPausedChange ? { onPausedChange } : {}),
  });
  clients.push(client);
  return client;
}

/** What a program does with SERVICE_UNAVAILABLE on a mutation: try again a little later. */
async function untilAvailable<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      const code = error instanceof TRPCClientError ? error.data?.code : undefined;
      if (i >= 50 || code !== 'SERVICE_UNAVAILABLE') throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
