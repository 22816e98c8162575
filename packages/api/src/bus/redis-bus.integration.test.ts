import { connect, createServer, type Server, type Socket } from 'node:net';
import { type RedisServer, startRedisServer } from '@spotter/test-support';
import Redis from 'ioredis';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics } from '../metrics';
import { countOf } from '../testing/count-of';
import { createEventBus } from './index';
import { createRedisBus } from './redis-bus';
import { encodeEnvelope, type TypingEvent, topics } from './topics';
import type { EventBus } from './types';

type LogLine = { level: number; msg: string; topic?: string; reason?: string };
const ERROR = 50;

let server: RedisServer;
let probe: Redis;
const cleanups: (() => Promise<void>)[] = [];
let topicCounter = 0;

beforeAll(async () => {
  server = await startRedisServer();
  probe = new Redis(server.url, { lazyConnect: true, retryStrategy: () => 100 });
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

afterAll(async () => {
  probe.disconnect();
  await server.stop();
});

function capturingLogger() {
  const lines: LogLine[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

/** A bus of its own, as another process would have, counting into metrics of its own. */
function bus(url = server.url) {
  const { logger, lines } = capturingLogger();
  const metrics = createMetrics();
  const instance = createRedisBus({ url, logger, metrics });
  cleanups.push(() => instance.close());
  return { bus: instance, lines, metrics };
}

function abortable() {
  const controller = new AbortController();
  cleanups.push(async () => controller.abort());
  return controller;
}

function freshTopic() {
  return topics.channelTyping(`test-${process.pid}-${++topicCounter}`);
}

function typing(userId: string): TypingEvent {
  return { channelId: 'c1', userId, userName: userId, isTyping: true };
}

/** Resolves with the next item, or rejects if none arrives in time (a lost event fails the test). */
async function nextItem<T>(iterable: AsyncIterable<T>, timeoutMs = 3000): Promise<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const result = await Promise.race([iterator.next(), timeout]);
    if (result.done) throw new Error('the iterable ended');
    return result.value;
  } finally {
    clearTimeout(timer);
  }
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting until ${what}`);
}

async function numsub(name: string): Promise<number> {
  const reply = (await probe.pubsub('NUMSUB', name)) as [string, number];
  return Number(reply[1]);
}

/** Rejects with "still pending" if the promise neither settles within the bound. */
function settlesWithin<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('still pending')), ms)),
  ]);
}

async function readyBuses(...buses: EventBus[]) {
  await until(() => buses.every((b) => b.isReady()), 'the buses are ready');
}

describe('createRedisBus', () => {
  it('carries a publish on one process to a subscriber on another, Dates intact', async () => {
    const { bus: a, metrics: aCounts } = bus();
    const { bus: b, metrics: bCounts } = bus();
    const topic = topics.stream('channel:c-dates');
    const events = await b.subscribe(topic, { signal: abortable().signal });
    const createdAt = new Date('2025-01-02T03:04:05.678Z');
    const message = {
      id: 'm1',
      channelId: 'c-dates',
      seq: 1,
      authorId: 'u1',
      authorName: 'Ann',
      authorUsername: 'ann',
      body: 'hi',
      nonce: null,
      version: 1,
      createdAt,
      editedAt: null,
      deletedAt: null,
      mentions: [],
      reactions: [],
    };

    await readyBuses(a);
    const event = { type: 'message.created' as const, seq: 1, message };
    await a.publish(topic, { streamId: 'channel:c-dates', event });

    const received = await nextItem(events);
    expect(received).toEqual({ streamId: 'channel:c-dates', event });
    expect(received.event.type === 'message.created' && received.event.message.createdAt).toBeInstanceOf(
      Date,
    );
    expect(await countOf(aCounts.eventsPublished)).toBe(1);
    expect(await countOf(aCounts.publishFailures)).toBe(0);
    expect(await countOf(bCounts.busReceived)).toBe(1);
    expect(await countOf(bCounts.busDropped)).toBe(0);
  });

  it('delivers a publish made right after subscribe() resolves, every time', async () => {
    const a = bus().bus;
    const b = bus().bus;
    await readyBuses(a);
    for (let i = 0; i < 50; i++) {
      const topic = freshTopic();
      const controller = new AbortController();
      const events = await b.subscribe(topic, { signal: controller.signal });
      await a.publish(topic, typing(`u${i}`));
      expect((await nextItem(events)).userId).toBe(`u${i}`);
      controller.abort();
    }
  });

  it('shares one Redis subscription and one decoded object between local listeners, and drops it after the last', async () => {
    const a = bus().bus;
    const b = bus().bus;
    const topic = freshTopic();
    const first = new AbortController();
    const second = new AbortController();
    const [one, two] = await Promise.all([
      b.subscribe(topic, { signal: first.signal }),
      b.subscribe(topic, { signal: second.signal }),
    ]);
    expect(await numsub(topic.name)).toBe(1);

    await readyBuses(a);
    await a.publish(topic, typing('u1'));
    const [x, y] = await Promise.all([nextItem(one), nextItem(two)]);
    expect(x).toEqual(typing('u1'));
    expect(x).toBe(y);

    first.abort();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await numsub(topic.name)).toBe(1);
    second.abort();
    await until(async () => (await numsub(topic.name)) === 0, 'PUBSUB NUMSUB drops to 0');
  });

  it('uses one subscriber connection per bus, however many topics it listens to', async () => {
    const b = bus().bus;
    const signal = abortable().signal;
    await Promise.all(Array.from({ length: 20 }, () => b.subscribe(freshTopic(), { signal })));
    const clients = (await probe.client('LIST')) as string;
    const subscribers = clients.split('\n').filter((line) => / name=spotter-bus-subscribe /.test(line));
    // Other buses of this file may still be closing; count the ones subscribed to many channels.
    expect(subscribers.filter((line) => / sub=20 /.test(line))).toHaveLength(1);
  });

  it('logs and drops a payload it cannot decode, and keeps delivering valid ones', async () => {
    const { bus: b, lines, metrics: bCounts } = bus();
    const topic = freshTopic();
    const events = await b.subscribe(topic, { signal: abortable().signal });

    await probe.publish(topic.name, 'not superjson {');
    await probe.publish(topic.name, JSON.stringify({ json: { v: 99, payload: typing('u0') } }));
    await probe.publish(topic.name, encodeEnvelope('channel-typing', typing('u1')));

    expect(await nextItem(events)).toEqual(typing('u1'));
    const drops = lines.filter((line) => line.msg === 'dropped a bus message that cannot be decoded');
    expect(drops.map((line) => [line.topic, line.reason])).toEqual([
      [topic.name, 'payload is not valid superjson'],
      [topic.name, 'unknown envelope version 99'],
    ]);
    expect(await countOf(bCounts.busReceived)).toBe(3);
    expect(await countOf(bCounts.busDropped)).toBe(2);
  });

  it('ends live iterables on close and refuses to publish afterwards', async () => {
    const b = bus().bus;
    const topic = freshTopic();
    const events = await b.subscribe(topic, { signal: abortable().signal });
    const pending = events[Symbol.asyncIterator]().next();

    await b.close();

    expect(await pending).toEqual({ done: true, value: undefined });
    await expect(b.publish(topic, typing('u1'))).rejects.toThrow(/closed/);
    expect(b.isReady()).toBe(false);
  });

  it('accepts user, password and db index in REDIS_URL (via createEventBus)', async () => {
    const secured = await startRedisServer(['--requirepass', 'pa:ss']);
    cleanups.push(() => secured.stop());
    const url = `redis://default:${encodeURIComponent('pa:ss')}@127.0.0.1:${secured.port}/3`;
    const { logger } = capturingLogger();
    const a = createEventBus({ redisUrl: url, logger });
    const b = createEventBus({ redisUrl: url, logger });
    cleanups.push(
      () => a.close(),
      () => b.close(),
    );
    expect(a.kind).toBe('redis');
    const topic = freshTopic();
    const events = await b.subscribe(topic, { signal: abortable().signal });

    await readyBuses(a);
    await a.publish(topic, typing('u1'));

    expect(await nextItem(events)).toEqual(typing('u1'));
  });
});

describe('createRedisBus when Redis is unreachable', () => {
  it.each(['stop', 'kill'] as const)(
    'fails publishes fast during an outage (%s) and resumes old subscriptions after it',
    async (how) => {
      const outage = await startRedisServer();
      cleanups.push(() => outage.stop());
      const { bus: a, metrics: aCounts } = bus(outage.url);
      const { bus: b, lines } = bus(outage.url);
      const before = freshTopic();
      const events = await b.subscribe(before, { signal: abortable().signal });
      await readyBuses(a, b);

      await outage[how]();
      await until(() => !a.isReady() && !b.isReady(), 'both buses notice the outage');
      await expect(settlesWithin(a.publish(before, typing('lost')), 2000)).rejects.toThrow(
        `publish to ${before.name} failed`,
      );
      expect(await countOf(aCounts.publishFailures)).toBe(1);

      // Subscribing during the outage waits for Redis, for a known topic as for a new one.
      const during = freshTopic();
      let settled = 0;
      const again = b.subscribe(before, { signal: abortable().signal }).finally(() => settled++);
      const fresh = b.subscribe(during, { signal: abortable().signal }).finally(() => settled++);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled).toBe(0);

      await outage.start();
      const [againEvents, freshEvents] = await Promise.all([again, fresh]);
      await readyBuses(a, b);
      await a.publish(before, typing('after'));
      await a.publish(during, typing('fresh'));

      expect(await nextItem(events)).toEqual(typing('after'));
      expect(await nextItem(againEvents)).toEqual(typing('after'));
      expect(await nextItem(freshEvents)).toEqual(typing('fresh'));
      const errors = lines.filter((line) => line.level >= ERROR);
      expect(errors.map((line) => line.msg)).toEqual([
        `lost the connection to Redis at 127.0.0.1:${outage.port} (REDIS_URL); reconnecting — publishes fail until it is back`,
      ]);
      expect(lines.filter((line) => line.msg === 'bus reconnected')).toHaveLength(1);
    },
  );

  it("re-sends durable publishes that failed while the publisher's connection was down, but not typing", async () => {
    // Only the publisher loses Redis (through a proxy the test cuts), so the subscriber is certainly
    // listening when the publisher comes back: what it receives can only be the re-send.
    const proxy = await startTcpProxy(server.port);
    cleanups.push(() => proxy.close());
    const { bus: a } = bus(`redis://127.0.0.1:${proxy.port}`);
    const { bus: b } = bus();
    const streamId = `channel:c-resend-${process.pid}`;
    const channel = topics.stream(streamId);
    const typingTopic = freshTopic();
    const events = await b.subscribe(channel, { signal: abortable().signal });
    const typingEvents = await b.subscribe(typingTopic, { signal: abortable().signal });
    await readyBuses(a, b);

    await proxy.close();
    await until(() => !a.isReady(), 'the publisher notices the outage');
    const message = {
      id: 'm7',
      channelId: 'c-resend',
      seq: 7,
      authorId: 'u1',
      authorName: 'Ann',
      authorUsername: 'ann',
      body: 'sent while Redis was down',
      nonce: null,
      version: 1,
      createdAt: new Date(),
      editedAt: null,
      deletedAt: null,
      mentions: [],
      reactions: [],
    };
    const publication = { streamId, event: { type: 'message.created' as const, seq: 7, message } };
    await expect(a.publish(channel, publication)).rejects.toThrow();
    await expect(a.publish(typingTopic, typing('stale'))).rejects.toThrow();

    await proxy.open();
    expect(await nextItem(events, 10_000)).toEqual(publication);
    await readyBuses(a);
    await a.publish(typingTopic, typing('fresh'));
    expect(await nextItem(typingEvents)).toEqual(typing('fresh'));
  });

  it('logs one clear line for a refused connection, however often it retries', async () => {
    const gone = await startRedisServer();
    await gone.stop();
    const { bus: b, lines } = bus(gone.url);

    await new Promise((resolve) => setTimeout(resolve, 2000));

    expect(lines.filter((line) => line.level >= ERROR).map((line) => line.msg)).toEqual([
      `REDIS_URL is set but Redis refused the connection at 127.0.0.1:${gone.port} — is it running?`,
    ]);
    expect(b.isReady()).toBe(false);
    await expect(settlesWithin(b.publish(freshTopic(), typing('u1')), 1000)).rejects.toThrow(/not connected/);
  });

  it.each([
    ['a wrong password', 'redis://default:wrong@127.0.0.1', /rejected its user or password \(WRONGPASS\)/],
    ['no password', 'redis://127.0.0.1', /requires a password \(NOAUTH\)/],
  ])('logs one clear line for %s', async (_case, base, message) => {
    const secured = await startRedisServer(['--requirepass', 'right']);
    cleanups.push(() => secured.stop());
    const { bus: b, lines } = bus(`${base}:${secured.port}`);

    await new Promise((resolve) => setTimeout(resolve, 1500));

    const errors = lines.filter((line) => line.level >= ERROR);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.msg).toMatch(message);
    expect(errors[0]?.msg).toContain(`REDIS_URL is set but Redis at 127.0.0.1:${secured.port}`);
    expect(b.isReady()).toBe(false);
  });
});

/** A TCP proxy to Redis on a fixed port that the test can cut (close) and restore (open). */
async function startTcpProxy(targetPort: number) {
  const sockets = new Set<Socket>();
  let listener: Server | undefined;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      listener = createServer((client) => {
        const upstream = connect(targetPort, '127.0.0.1');
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      listener.listen(port, '127.0.0.1', () => {
        const address = listener?.address();
        port = typeof address === 'object' && address ? address.port : port;
        resolve();
      });
    });
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (!listener) return resolve();
      listener.close(() => resolve());
      listener = undefined;
    });
  await open();
  return {
    get port() {
      return port;
    },
    open,
    close,
  };
}
