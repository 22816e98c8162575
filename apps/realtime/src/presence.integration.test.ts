import { closePresence, type PresenceItem, type PresenceStatus } from '@spotter/api';
import type { Database } from '@spotter/db';
import {
  httpClient,
  type Replica,
  startReplica,
  startTestStack,
  startWebSide,
  type TestStack,
  type WsTestClient,
} from '@spotter/test-support';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

// Issue 10, check 1: presence across replicas — several connections, a replica crash, a reload and
// a Redis restart — as a friend on another replica sees it.

/** Longer than the offline grace period (5 s) plus a sweep (2 s): an offline would have shown by then. */
const BEYOND_GRACE_MS = 9_000;

let stack: TestStack;
let prisma: Database;
let replicaA: Replica;
let replicaB: Replica;
const extraReplicas: Replica[] = [];

beforeAll(async () => {
  stack = await startTestStack();
  ({ prisma } = stack);
  [replicaA, replicaB] = stack.replicas as [Replica, Replica];
});

afterEach(async () => {
  await stack.closeClients();
  await Promise.all(extraReplicas.splice(0).map((replica) => replica.stop('SIGKILL')));
});

afterAll(async () => {
  await stack?.stop();
});

/** A connection of `token`'s user, open once this resolves (presence counts it from then on). */
async function connect(url: string, token: string): Promise<WsTestClient> {
  const client = stack.connect(url, token);
  await client.trpc.presence.mine.query();
  return client;
}

/** Two friends: `user`, whose presence is watched, and `friend`, who watches. */
async function friends() {
  const user = await stack.createUser('User');
  const friend = await stack.createUser('Friend');
  await prisma.relationship.createMany({
    data: [
      { userId: user.session.userId, otherId: friend.session.userId, kind: 'FRIEND' },
      { userId: friend.session.userId, otherId: user.session.userId, kind: 'FRIEND' },
    ],
  });
  return { user, friend };
}

/** What a client sees of everyone's presence: the current status and every status it was shown, by user. */
async function watchPresence(client: WsTestClient) {
  const current = new Map<string, PresenceStatus>();
  const history = new Map<string, PresenceStatus[]>();
  const record = (userId: string, status: PresenceStatus) => {
    current.set(userId, status);
    history.set(userId, [...(history.get(userId) ?? []), status]);
  };
  let hasSnapshot = false;
  client.trpc.presence.onChange.subscribe(undefined, {
    onData(item: PresenceItem) {
      if (item.type === 'snapshot') {
        hasSnapshot = true;
        for (const [userId, status] of Object.entries(item.statuses)) record(userId, status);
      } else record(item.userId, item.status);
    },
  });
  await expect.poll(() => hasSnapshot).toBe(true);
  return {
    statusOf: (userId: string) => current.get(userId),
    historyOf: (userId: string) => history.get(userId) ?? [],
  };
}

describe('presence across replicas', () => {
  it('keeps a user with connections on two replicas online when one of them drops', async () => {
    const { user, friend } = await friends();
    const onA = await connect(replicaA.url, user.token);
    await connect(replicaB.url, user.token);
    const seen = await watchPresence(await connect(replicaB.url, friend.token));
    await expect.poll(() => seen.statusOf(user.session.userId)).toBe('online');
    const shownBefore = seen.historyOf(user.session.userId).length;

    onA.close();
    await new Promise((resolve) => setTimeout(resolve, BEYOND_GRACE_MS));
    expect(seen.historyOf(user.session.userId).slice(shownBefore)).toEqual([]);
    expect(seen.statusOf(user.session.userId)).toBe('online');
  });

  it('shows a user offline within 30 s after the replica holding their only connections is SIGKILLed', async () => {
    const { user, friend } = await friends();
    const doomed = await startReplica(stack.replicaOptions);
    extraReplicas.push(doomed);
    // Two tabs on the doomed replica, one closed before it dies: the replica still counts the user
    // as its own, so its death takes the other tab's connection with it.
    const closedTab = await connect(doomed.url, user.token);
    await connect(doomed.url, user.token);
    const seen = await watchPresence(await connect(replicaA.url, friend.token));
    await expect.poll(() => seen.statusOf(user.session.userId)).toBe('online');
    closedTab.close();
    // The replica has seen that tab go (its own count of open sockets says so) before it dies.
    const openSockets = async () => {
      const text = await (await fetch(`${doomed.httpUrl}/metrics`)).text();
      return Number(/^spotter_ws_connections (\S+)/m.exec(text)?.[1]);
    };
    await expect.poll(openSockets).toBe(1);

    await doomed.stop('SIGKILL');
    await expect
      .poll(() => seen.statusOf(user.session.userId), { timeout: 30_000, interval: 250 })
      .toBe('offline');
  });

  it('never shows a reload offline: disconnect and reconnect (to another replica) within 3 s', async () => {
    const { user, friend } = await friends();
    const before = await connect(replicaA.url, user.token);
    const seen = await watchPresence(await connect(replicaA.url, friend.token));
    await expect.poll(() => seen.statusOf(user.session.userId)).toBe('online');
    const shownBefore = seen.historyOf(user.session.userId).length;

    before.close();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await connect(replicaB.url, user.token);
    await new Promise((resolve) => setTimeout(resolve, BEYOND_GRACE_MS));
    expect(seen.historyOf(user.session.userId).slice(shownBefore)).toEqual([]);
    expect(seen.statusOf(user.session.userId)).toBe('online');
  });

  it('shows a status picked through the web app’s HTTP API (another process) to a friend on a replica', async () => {
    const { user, friend } = await friends();
    await connect(replicaA.url, user.token);
    const seen = await watchPresence(await connect(replicaB.url, friend.token));
    await expect.poll(() => seen.statusOf(user.session.userId)).toBe('online');

    // A web process whose presence store is made by this very call (its Redis connection not up yet).
    const web = startWebSide(stack);
    try {
      const client = httpClient(web, user.token);
      await client.presence.setStatus.mutate({ mode: 'dnd' });
      await expect.poll(() => seen.statusOf(user.session.userId)).toBe('dnd');
      await client.presence.setStatus.mutate({ mode: 'auto' });
      await expect.poll(() => seen.statusOf(user.session.userId)).toBe('online');
    } finally {
      await closePresence(web.bus);
      await web.close();
    }
  });

  it('converges to the truth within 30 s after Redis restarts empty', async () => {
    const stays = await friends();
    const leaves = await stack.createUser('Leaver');
    const friend = stays.friend;
    await prisma.relationship.createMany({
      data: [
        { userId: leaves.session.userId, otherId: friend.session.userId, kind: 'FRIEND' },
        { userId: friend.session.userId, otherId: leaves.session.userId, kind: 'FRIEND' },
      ],
    });
    await connect(replicaA.url, stays.user.token);
    const leaver = await connect(replicaB.url, leaves.token);
    const seen = await watchPresence(await connect(replicaA.url, friend.token));
    await expect.poll(() => seen.statusOf(stays.user.session.userId)).toBe('online');
    await expect.poll(() => seen.statusOf(leaves.session.userId)).toBe('online');

    await stack.redis.kill();
    // While Redis is away, one of them closes their only tab; nobody could be told.
    leaver.close();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await stack.redis.start();

    await expect
      .poll(() => seen.statusOf(leaves.session.userId), { timeout: 30_000, interval: 250 })
      .toBe('offline');
    await expect.poll(() => seen.statusOf(stays.user.session.userId), { timeout: 30_000 }).toBe('online');
    // A friend who connects now is told the same, from the re-registered state.
    const late = await watchPresence(await connect(replicaB.url, friend.token));
    await expect.poll(() => late.statusOf(stays.user.session.userId), { timeout: 30_000 }).toBe('online');
    expect(late.statusOf(leaves.session.userId)).toBe('offline');
  });
});
