import type { Database } from '@spotter/db';
import {
  callQuery,
  openAccepted,
  type Replica,
  startTestStack,
  type TestStack,
  type TrpcReply,
} from '@spotter/test-support';
import Redis from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';

// Issue 12, check 2: the send limit holds across replicas — a flood split over three replicas is
// limited as one (the allowance lives in Redis) — and with Redis stopped each replica's in-memory
// insurance limiter still limits.

/** A long window: nothing refills while the test runs, however slow the machine. */
const SENDS = 6;

let stack: TestStack;
let prisma: Database;
let replicas: Replica[] = [];
const sockets: WebSocket[] = [];

beforeAll(async () => {
  stack = await startTestStack({ replicas: 3, env: { RATE_LIMIT_MESSAGE_SEND: `${SENDS}/600` } });
  ({ prisma, replicas } = stack);
});

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});

afterAll(async () => {
  await stack?.stop();
});

/** A program's socket to one replica, authenticated with its token in connectionParams. */
async function connect(replica: Replica, token: string): Promise<WebSocket> {
  const socket = await openAccepted(`${replica.url}?connectionParams=1`);
  sockets.push(socket);
  // Each call in flight listens on the socket; a flood has a dozen at once.
  socket.setMaxListeners(50);
  socket.send(JSON.stringify({ method: 'connectionParams', data: { token } }));
  return socket;
}

async function channelOf(socket: WebSocket, name: string): Promise<string> {
  const reply = await callQuery(socket, 'channel.create', { name: `${name} ${Date.now()}` }, 'mutation');
  if (!('data' in reply)) throw new Error(`could not create a channel: ${reply.errorCode}`);
  return (reply.data as { id: string }).id;
}

const send = (socket: WebSocket, channelId: string, body: string) =>
  callQuery(socket, 'message.send', { channelId, body }, 'mutation');

const refusals = (replies: TrpcReply[]) => replies.filter((reply) => 'errorCode' in reply);

describe('the send limit', () => {
  it('counts a flood split over three replicas as one, and keeps none of the refused sends', async () => {
    const { token } = await stack.createUser('Flooder');
    const onEach = await Promise.all(replicas.map((replica) => connect(replica, token)));
    const channelId = await channelOf(onEach[0] as WebSocket, 'Flood');
    // Three sends per replica, 18 in all, at once: each replica alone would allow all of its own.
    const replies = await Promise.all(
      Array.from({ length: SENDS * 3 }, (_, i) => send(onEach[i % 3] as WebSocket, channelId, `flood ${i}`)),
    );
    const refused = refusals(replies);
    expect(replies.length - refused.length).toBe(SENDS);
    for (const reply of refused) {
      expect(reply).toMatchObject({ errorCode: 'TOO_MANY_REQUESTS', retryAfterMs: expect.any(Number) });
    }
    expect(await prisma.message.count({ where: { channelId } })).toBe(SENDS);
    // Every replica refuses the next one, too.
    for (const socket of onEach)
      expect(await send(socket, channelId, 'once more')).toMatchObject({ errorCode: 'TOO_MANY_REQUESTS' });
  });

  it('refuses a spent sender from the replica’s memory: a flood past the allowance costs Redis no check', async () => {
    const { token } = await stack.createUser('Retry looper');
    const [first, second] = await Promise.all([
      connect(replicas[0] as Replica, token),
      connect(replicas[1] as Replica, token),
    ]);
    const channelId = await channelOf(first as WebSocket, 'Retry loop');
    // Every limit check of this sender in this channel that reaches Redis (the key holds both ids).
    const monitor = await new Redis(stack.redis.url).monitor();
    let checks = 0;
    let isCaughtUp = false;
    monitor.on('monitor', (_time: string, args: string[]) => {
      if (args[0]?.toLowerCase() === 'echo' && args[1] === `${channelId} done`) isCaughtUp = true;
      // The limiter runs one script per check (MONITOR also shows the script's own commands).
      else if (/^eval(sha)?$/i.test(args[0] ?? '') && args.some((arg) => arg.includes(channelId))) checks++;
    });
    try {
      const allowed = await Promise.all(
        Array.from({ length: SENDS }, (_, i) => send(first as WebSocket, channelId, `allowed ${i}`)),
      );
      expect(refusals(allowed)).toEqual([]);
      const flood = await Promise.all(
        Array.from({ length: 30 }, (_, i) => send(first as WebSocket, channelId, `flood ${i}`)),
      );
      for (const reply of flood)
        expect(reply).toMatchObject({ errorCode: 'TOO_MANY_REQUESTS', retryAfterMs: expect.any(Number) });
      // The other replica has no such memory: it asks Redis, which refuses as well.
      expect(await send(second as WebSocket, channelId, 'elsewhere')).toMatchObject({
        errorCode: 'TOO_MANY_REQUESTS',
      });
      // Redis shows commands in the order it ran them: once this one shows, every check has.
      const probe = new Redis(stack.redis.url);
      await probe.echo(`${channelId} done`);
      probe.disconnect();
      await expect.poll(() => isCaughtUp).toBe(true);
      expect(checks).toBe(SENDS + 1);
      expect(await prisma.message.count({ where: { channelId } })).toBe(SENDS);
    } finally {
      monitor.disconnect();
    }
  });

  it('still limits with Redis stopped: the replica’s in-memory insurance limiter answers', async () => {
    const { token } = await stack.createUser('Outage flooder');
    const socket = await connect(replicas[1] as Replica, token);
    const channelId = await channelOf(socket, 'Outage');
    await stack.redis.stop();
    try {
      const replies = await Promise.all(
        Array.from({ length: SENDS * 2 }, (_, i) => send(socket, channelId, `during the outage ${i}`)),
      );
      const refused = refusals(replies);
      expect(refused.length).toBe(SENDS);
      for (const reply of refused) expect(reply).toMatchObject({ errorCode: 'TOO_MANY_REQUESTS' });
      expect(await prisma.message.count({ where: { channelId } })).toBe(SENDS);
    } finally {
      await stack.redis.start();
    }
  });
});
