import { limitConfigFromEnv, type StreamItem } from '@spotter/api';
import { type Database, takeStreamSeqs } from '@spotter/db';
import {
  httpClient,
  type Replica,
  recordChannelEvents,
  spawnReplica,
  startReplica,
  startTestStack,
  startWebSide,
  type TestStack,
  type WebSide,
  type WsTestClient,
} from '@spotter/test-support';
import { TRPCClientError } from '@trpc/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

let stack: TestStack;
let prisma: Database;
/** The web app's side: its own process-wide deps and its own Redis connections, as in production. */
let web: WebSide;
let replicaA: Replica;
let replicaB: Replica;

beforeAll(async () => {
  stack = await startTestStack();
  ({ prisma } = stack);
  [replicaA, replicaB] = stack.replicas as [Replica, Replica];
  web = startWebSide(stack, limitConfigFromEnv({ RATE_LIMIT_MULTIPLIER: 1000 }));
});

afterEach(async () => {
  await stack.closeClients();
});

afterAll(async () => {
  await web?.close();
  await stack?.stop();
});

const connect = (url: string | (() => string), token?: string) => stack.connect(url, token);

/** Alice (who created the channel) and Bob (who joined it), each with a token; the channel is fresh. */
async function channelWithTwoMembers() {
  const alice = await stack.createUser('Alice');
  const bob = await stack.createUser('Bob');
  const setup = connect(replicaA.url, alice.token);
  const channel = await setup.trpc.channel.create.mutate({
    name: `lifting ${alice.session.userId.slice(-6)}`,
  });
  await connect(replicaB.url, bob.token).trpc.channel.join.mutate({ channelId: channel.id });
  return { alice, bob, channelId: channel.id };
}

/**
 * A stream yields live events only after its bus subscription is confirmed and its history read, so
 * once a subscriber has received this message, everything later must reach it through the bus.
 */
async function untilLive(
  channelId: string,
  sender: WsTestClient,
  ...streams: ReturnType<typeof recordChannelEvents>[]
) {
  const { seq } = await sender.trpc.message.send.mutate({ channelId, body: 'warm-up' });
  await Promise.all(
    streams.map((s) => s.until(`the warm-up message (seq ${seq})`, () => s.createdSeqs().includes(seq))),
  );
  return seq;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

async function errorOf(promise: Promise<unknown>): Promise<TRPCClientError<never>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  return error as TRPCClientError<never>;
}

describe('two realtime replicas sharing one Redis', () => {
  it('delivers a message sent over WebSocket on A, and one sent through the web HTTP API, to subscribers on both', async () => {
    const { alice, bob, channelId } = await channelWithTwoMembers();
    const onA = connect(replicaA.url, alice.token);
    const onB = connect(replicaB.url, bob.token);
    const aliceSees = recordChannelEvents(onA, { channelId });
    const bobSees = recordChannelEvents(onB, { channelId });
    const warmUp = await untilLive(channelId, onA, aliceSees, bobSees);

    const viaWs = await onA.trpc.message.send.mutate({ channelId, body: 'squats at 6?' });
    await bobSees.until('the WebSocket message on B', () => bobSees.createdSeqs().includes(viaWs.seq));
    const viaHttp = await httpClient(web, bob.token).message.send.mutate({
      channelId,
      body: 'see you there',
    });
    for (const stream of [aliceSees, bobSees]) {
      await stream.until('the HTTP message', () => stream.createdSeqs().includes(viaHttp.seq));
    }

    const expected = ['warm-up', 'squats at 6?', 'see you there'];
    expect(aliceSees.bodies()).toEqual(expected);
    expect(bobSees.bodies()).toEqual(expected);
    expect(bobSees.createdSeqs()).toEqual([warmUp, warmUp + 1, warmUp + 2]);
    const last = bobSees.received.at(-1)?.event;
    expect(last?.type === 'message.created' && last.message.authorName).toBe('Bob');
  });

  it('replays exactly the 50 messages a disconnected client missed, in order, then streams live ones', async () => {
    const { alice, bob, channelId } = await channelWithTwoMembers();
    const aliceOnA = connect(replicaA.url, alice.token);
    const bobOnB = connect(replicaB.url, bob.token);
    const lastSeen = await untilLive(channelId, aliceOnA, recordChannelEvents(bobOnB, { channelId }));
    await bobOnB.close();

    for (let i = 1; i <= 50; i++) await aliceOnA.trpc.message.send.mutate({ channelId, body: `missed ${i}` });

    const bobAgain = connect(replicaB.url, bob.token);
    const resumed = recordChannelEvents(bobAgain, { channelId, lastEventId: String(lastSeen) });
    await resumed.until('the 50 missed messages', () => resumed.received.length >= 50);
    const live = await aliceOnA.trpc.message.send.mutate({ channelId, body: 'still here?' });
    await resumed.until('the live message', () => resumed.createdSeqs().includes(live.seq));

    expect(resumed.createdSeqs()).toEqual(range(lastSeen + 1, lastSeen + 51));
    expect(resumed.bodies()).toEqual([...range(1, 50).map((i) => `missed ${i}`), 'still here?']);
  });

  it('replays a new message, an edit 200 messages back and a delete exactly once on resume, also after its replica is killed', async () => {
    const { alice, bob, channelId } = await channelWithTwoMembers();
    const aliceOnA = connect(replicaA.url, alice.token);
    const send = (body: string) => aliceOnA.trpc.message.send.mutate({ channelId, body });
    const history = [];
    for (let i = 0; i < 202; i++) history.push(await send(`history ${i}`));
    const describe = (e: StreamItem) => ('message' in e ? `${e.type} ${e.message.body}` : e.type);

    /** What a client that was away must be told: exactly three events, nothing else. */
    const changeWhileAway = async (round: string, edited: { id: string }, deleted: { id: string }) => {
      await send(`new while away (${round})`);
      await aliceOnA.trpc.message.edit.mutate({ messageId: edited.id, body: `edited while away (${round})` });
      await aliceOnA.trpc.message.delete.mutate({ messageId: deleted.id });
      return [
        `message.created new while away (${round})`,
        `message.edited edited while away (${round})`,
        'message.deleted ',
      ];
    };

    // 1. The client disconnects, then comes back with its cursor.
    const bobOnB = connect(replicaB.url, bob.token);
    const lastSeen = await untilLive(channelId, aliceOnA, recordChannelEvents(bobOnB, { channelId }));
    await bobOnB.close();
    const expected = await changeWhileAway(
      'closed',
      history[0] as { id: string },
      history[201] as { id: string },
    );
    const resumed = recordChannelEvents(connect(replicaB.url, bob.token), {
      channelId,
      lastEventId: String(lastSeen),
    });
    const marker = await send('marker 1');
    await resumed.until('the marker', () => resumed.createdSeqs().includes(marker.seq));
    expect(resumed.received.map((r) => describe(r.event))).toEqual([...expected, 'message.created marker 1']);
    expect(resumed.received.map((r) => r.seq)).toEqual(range(lastSeen + 1, lastSeen + 4));

    // 2. The replica the client is on is killed; wsLink reconnects elsewhere with its last seq.
    const doomed = await startReplica(stack.replicaOptions);
    let target = doomed.url;
    const bobOnDoomed = connect(() => target, bob.token);
    const survivor = recordChannelEvents(bobOnDoomed, { channelId, lastEventId: String(marker.seq) });
    const warmUp = await untilLive(channelId, aliceOnA, survivor);
    target = replicaB.url;
    await doomed.stop('SIGKILL');
    const expectedAfterKill = await changeWhileAway(
      'killed',
      history[1] as { id: string },
      history[200] as { id: string },
    );
    const marker2 = await send('marker 2');
    await survivor.until('the second marker', () => survivor.createdSeqs().includes(marker2.seq));
    expect(survivor.received.map((r) => describe(r.event))).toEqual([
      'message.created warm-up',
      ...expectedAfterKill,
      'message.created marker 2',
    ]);
    expect(survivor.received.map((r) => r.seq)).toEqual(range(warmUp, warmUp + 4));
  });

  it('fills a lost publish from the database as soon as the next message arrives', async () => {
    const { alice, bob, channelId } = await channelWithTwoMembers();
    const aliceOnA = connect(replicaA.url, alice.token);
    const bobOnB = connect(replicaB.url, bob.token);
    const bobSees = recordChannelEvents(bobOnB, { channelId });
    let hasSeenTyping = false;
    bobOnB.trpc.typing.onUpdate.subscribe({ channelId }, { onData: () => (hasSeenTyping = true) });
    const warmUp = await untilLive(channelId, aliceOnA, bobSees);

    // A committed message whose publish never happened (say, Redis was down at that instant).
    const lost = await prisma.$transaction(async (tx) => {
      const seq = await takeStreamSeqs(tx, `channel:${channelId}`);
      const message = await tx.message.create({
        data: { channelId, authorId: alice.session.userId, body: 'lost publish', seq },
      });
      await tx.streamEvent.create({
        data: { streamId: `channel:${channelId}`, seq, type: 'message.created', messageId: message.id },
      });
      return message;
    });
    // A typing event sent after the commit travels the same Redis and WebSocket paths to Bob: once one
    // has arrived, a publish of the lost message (had there been one) would have arrived too. Typing is
    // not replayed, so Alice keeps notifying, as the composer does, until one lands.
    for (let attempt = 0; attempt < 50 && !hasSeenTyping; attempt++) {
      await aliceOnA.trpc.typing.notify.mutate({ channelId });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(hasSeenTyping).toBe(true);
    expect(bobSees.createdSeqs()).toEqual([warmUp]);

    const next = await aliceOnA.trpc.message.send.mutate({ channelId, body: 'after the gap' });
    await bobSees.until('the next message', () => bobSees.createdSeqs().includes(next.seq));
    expect(bobSees.createdSeqs()).toEqual([warmUp, lost.seq, next.seq]);
    expect(bobSees.bodies()).toEqual(['warm-up', 'lost publish', 'after the gap']);
  });

  it('refuses subscriptions without a session but keeps answering on the same connection', async () => {
    const { channelId } = await channelWithTwoMembers();
    const anonymous = connect(replicaB.url);
    const error = await recordChannelEvents(anonymous, { channelId }).firstError();

    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<never>).data).toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(anonymous.trpc.auth.me.query()).resolves.toBeNull();
  });

  it('rejects bad input over the wire with the precise code and writes nothing', async () => {
    const { alice, channelId } = await channelWithTwoMembers();
    const carol = await stack.createUser('Carol');
    const aliceOnA = connect(replicaA.url, alice.token);
    const carolOnB = connect(replicaB.url, carol.token);
    const stored = () => prisma.message.count({ where: { channelId } });
    const before = await stored();

    const empty = await errorOf(aliceOnA.trpc.message.send.mutate({ channelId, body: '' }));
    expect(empty.data).toMatchObject({ code: 'BAD_REQUEST' });
    const tooLong = await errorOf(aliceOnA.trpc.message.send.mutate({ channelId, body: 'x'.repeat(4001) }));
    expect(tooLong.data).toMatchObject({ code: 'BAD_REQUEST' });
    const unknown = await errorOf(
      aliceOnA.trpc.message.send.mutate({ channelId: 'no-such-channel', body: 'hi' }),
    );
    expect(unknown.data).toMatchObject({ code: 'NOT_FOUND' });
    const notMember = await errorOf(carolOnB.trpc.message.send.mutate({ channelId, body: 'let me in' }));
    expect(notMember.data).toMatchObject({ code: 'FORBIDDEN' });
    expect(await stored()).toBe(before);

    const badCursor = await recordChannelEvents(aliceOnA, { channelId, lastEventId: 'abc' }).firstError();
    expect((badCursor as TRPCClientError<never>).data).toMatchObject({ code: 'BAD_REQUEST' });
    const notMemberStream = await recordChannelEvents(carolOnB, { channelId }).firstError();
    expect((notMemberStream as TRPCClientError<never>).data).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('a replica process', () => {
  it('answers /health and /ready, and upgrades only /ws', async () => {
    const health = await fetch(`${replicaA.httpUrl}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', replica: expect.any(String) });

    const ready = await fetch(`${replicaA.httpUrl}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', bus: 'up', database: 'up', draining: false });

    const status = await new Promise<number | undefined>((resolve, reject) => {
      const socket = new WebSocket(`ws://127.0.0.1:${replicaA.port}/not-ws`);
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode));
      socket.once('open', () => reject(new Error('upgraded a path other than /ws')));
      socket.once('error', () => {}); // the refused handshake also surfaces here
    });
    expect(status).toBe(404);
  });

  it('refuses to start without REDIS_URL, naming it', async () => {
    const replica = spawnReplica({ ...stack.replicaOptions, env: { REDIS_URL: undefined } });
    const exit = await replica.untilExit(30_000);
    expect(exit.code).not.toBe(0);
    expect(exit.output).toContain('REDIS_URL is required');
  });

  it('on SIGTERM sends its clients to another replica, which resumes them without a gap, and exits 0', async () => {
    const { alice, bob, channelId } = await channelWithTwoMembers();
    const doomed = await startReplica(stack.replicaOptions);
    // Stands in for the proxy: the first connection goes to the doomed replica, every later one to B.
    let connections = 0;
    const bobClient = connect(() => (connections++ === 0 ? doomed.url : replicaB.url), bob.token);
    const aliceOnA = connect(replicaA.url, alice.token);
    const bobSees = recordChannelEvents(bobClient, { channelId });
    const warmUp = await untilLive(channelId, aliceOnA, bobSees);

    const exit = await doomed.stop('SIGTERM');
    for (let i = 1; i <= 5; i++)
      await aliceOnA.trpc.message.send.mutate({ channelId, body: `during failover ${i}` });
    await bobSees.until('the messages sent during the failover', () => bobSees.createdSeqs().length >= 6);

    expect(exit.code).toBe(0);
    expect(exit.output).toContain('"closedWhileConnected":0');
    expect(connections).toBeGreaterThan(1);
    expect(bobSees.createdSeqs()).toEqual(range(warmUp, warmUp + 5));
  });
});

describe('a Redis outage across two replicas', () => {
  it('keeps the conversation live from the database: every message arrives while Redis is down, once', async () => {
    const { alice, bob, channelId } = await channelWithTwoMembers();
    const aliceOnA = connect(replicaA.url, alice.token);
    const bobSees = recordChannelEvents(connect(replicaB.url, bob.token), { channelId });
    await untilLive(channelId, aliceOnA, bobSees);

    await stack.redis.stop();
    const outageStarted = performance.now();
    const latencies: number[] = [];
    try {
      // Ten seconds of conversation with Redis down: each message must reach Bob on the other
      // replica before the next is sent (the replicas poll the stream while the bus is down).
      for (let i = 1; performance.now() - outageStarted < 10_000; i++) {
        const sentAt = performance.now();
        const sent = await aliceOnA.trpc.message.send.mutate({ channelId, body: `during outage ${i}` });
        await bobSees.until(`message ${i} during the outage`, () => bobSees.createdSeqs().includes(sent.seq));
        latencies.push(Math.round(performance.now() - sentAt));
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    } finally {
      await stack.redis.start();
    }
    // The figure the issue asks about ("each within about a second"), printed, not asserted.
    process.stdout.write(
      `[redis outage] ${latencies.length} messages, delivery ms: max ${Math.max(...latencies)}, ` +
        `median ${[...latencies].sort((a, b) => a - b)[Math.floor(latencies.length / 2)]}\n`,
    );
    expect(latencies.length).toBeGreaterThan(10);

    const after = await aliceOnA.trpc.message.send.mutate({ channelId, body: 'after the outage' });
    await bobSees.until('the message after the outage', () => bobSees.createdSeqs().includes(after.seq));
    const seqs = bobSees.createdSeqs();
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual(range(seqs[0] as number, after.seq));
  });
});
