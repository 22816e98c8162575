import { type RedisServer, startRedisServer } from '@spotter/test-support';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRedisBus } from '../bus/redis-bus';
import { createLogger } from '../logger';
import type { StreamItem } from '../streams/events';
import { streamHubFor } from '../streams/hub';
import { createApiHarness } from '../testing/api-harness';
import { readSubscription } from '../testing/subscription';

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

describe('channel.onEvent while Redis is down', () => {
  it('keeps delivering from the database (polling) during the outage, and live again after it', async () => {
    const alice = await sender.createUser('Alice');
    const bob = await receiver.createUser('Bob');
    const channel = await alice.caller.channel.create({ name: sender.uniqueName('Outage') });
    await bob.caller.channel.join({ channelId: channel.id });

    const controller = new AbortController();
    const stream = await receiver
      .callerFor(bob.session, controller.signal)
      .channel.onEvent({ channelId: channel.id });
    const bodies: string[] = [];
    const reading = (async () => {
      for await (const item of stream) {
        const event = (item as unknown as [string, StreamItem])[1];
        if (event.type === 'message.created') bodies.push(event.message.body);
      }
    })();
    const hub = streamHubFor(receiver.deps);
    const delivery = readSubscription<unknown>(
      await receiver.callerFor(bob.session, controller.signal).status.onDelivery(),
    );

    await alice.caller.message.send({ channelId: channel.id, body: 'before the outage' });
    await until(() => bodies.length === 1, 'the first message');

    await redis.stop();
    await until(() => hub.busState() === 'down', 'the receiver to notice the outage');
    for (let i = 1; i <= 5; i++) {
      // Sending keeps working (only the publish fails), and the receiver's replica polls the
      // stream, so each message arrives while Redis is still down.
      await alice.caller.message.send({ channelId: channel.id, body: `during outage ${i}` });
      await until(() => bodies.length === 1 + i, `message ${i} during the outage`);
    }
    expect(receiver.bus.isReady()).toBe(false);

    await redis.start();
    await until(() => hub.busState() === 'up', 'the bus to be back');
    // What the tab shows: "Live updates delayed" for the outage, then live again.
    expect(delivery.items.map((item) => item.data)).toEqual([
      { delivery: 'live' },
      { delivery: 'delayed' },
      { delivery: 'live' },
    ]);
    await alice.caller.message.send({ channelId: channel.id, body: 'after' });
    await until(() => bodies.length === 7, 'the message after the outage');
    expect(bodies).toEqual([
      'before the outage',
      ...Array.from({ length: 5 }, (_, i) => `during outage ${i + 1}`),
      'after',
    ]);
    controller.abort();
    await reading;
  });
});
