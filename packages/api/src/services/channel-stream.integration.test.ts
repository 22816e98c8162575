import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRedisBus } from '../bus/redis-bus';
import type { ChannelEvent } from '../bus/topics';
import { createLogger } from '../logger';
import { createApiHarness } from '../testing/api-harness';
import { type RedisServer, startRedisServer } from '../testing/redis-server';

// Two "replicas" in one process: each has its own Redis bus (its own connections) on a Redis the
// test owns, so it can stop Redis mid-conversation without touching anybody else's.
let redis: RedisServer;
let sender: ReturnType<typeof createApiHarness>;
let receiver: ReturnType<typeof createApiHarness>;
const logger = createLogger({ name: 'test', level: 'silent' });

beforeAll(async () => {
  redis = await startRedisServer();
  sender = createApiHarness(inject('databaseUrl'), { bus: createRedisBus({ url: redis.url, logger }) });
  receiver = createApiHarness(inject('databaseUrl'), { bus: createRedisBus({ url: redis.url, logger }) });
});
afterAll(async () => {
  await sender?.close();
  await receiver?.close();
  await redis?.stop();
});

async function until(condition: () => boolean, what: string) {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('message.onEvent across a Redis outage', () => {
  it('delivers what was sent while Redis was down as soon as it is back, without a further message', async () => {
    const alice = await sender.createUser('Alice');
    const bob = await receiver.createUser('Bob');
    const channel = await alice.caller.channel.create({ name: sender.uniqueName('Outage') });
    await bob.caller.channel.join({ channelId: channel.id });

    const controller = new AbortController();
    const stream = await receiver
      .callerFor(bob.session, controller.signal)
      .message.onEvent({ channelId: channel.id, lastEventId: '0' });
    const seen: number[] = [];
    const reading = (async () => {
      for await (const item of stream) seen.push((item as unknown as [string, ChannelEvent])[1].message.seq);
    })();

    await alice.caller.message.send({ channelId: channel.id, body: 'before the outage' });
    await until(() => seen.length === 1, 'the first message');

    await redis.stop();
    for (let i = 1; i <= 5; i++) {
      // Sending keeps working: the message is stored, only the publish fails.
      const sent = await alice.caller.message.send({ channelId: channel.id, body: `during outage ${i}` });
      expect(sent.seq).toBe(1 + i);
    }
    expect(seen).toEqual([1]);
    expect(receiver.bus.isReady()).toBe(false);

    await redis.start();
    await until(() => seen.length === 6, 'the messages sent during the outage');
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);

    await alice.caller.message.send({ channelId: channel.id, body: 'after' });
    await until(() => seen.length === 7, 'the message after the outage');
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    controller.abort();
    await reading;
  });
});
