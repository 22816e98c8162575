import { getEventListeners } from 'node:events';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMetrics } from '../metrics';
import { countOf } from '../testing/count-of';
import { createEventBus } from './index';
import { createMemoryBus } from './memory-bus';
import { type StreamPublication, type TypingEvent, topics } from './topics';

function typing(userId: string): TypingEvent {
  return { channelId: 'c1', userId, userName: userId, isTyping: true };
}

function capturingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

async function take<T>(iterable: AsyncIterable<T>, count: number): Promise<T[]> {
  const items: T[] = [];
  if (count === 0) return items;
  for await (const item of iterable) {
    items.push(item);
    if (items.length === count) break;
  }
  return items;
}

describe('createMemoryBus', () => {
  it('hands the very same payload object to every listener of the topic, and nothing to other topics', async () => {
    const bus = createMemoryBus();
    const controller = new AbortController();
    const first = await bus.subscribe(topics.channelTyping('c1'), { signal: controller.signal });
    const second = await bus.subscribe(topics.channelTyping('c1'), { signal: controller.signal });
    const other = await bus.subscribe(topics.channelTyping('c2'), { signal: controller.signal });
    const payload = typing('u1');

    await bus.publish(topics.channelTyping('c1'), payload);

    const [[a], [b]] = await Promise.all([take(first, 1), take(second, 1)]);
    expect(a).toBe(payload);
    expect(b).toBe(payload);
    const sentinel = typing('u2');
    await bus.publish(topics.channelTyping('c2'), sentinel);
    expect(await take(other, 1)).toEqual([sentinel]);
    controller.abort();
  });

  it('keeps publishes made before the consumer pulls, in order', async () => {
    const bus = createMemoryBus();
    const iterable = await bus.subscribe(topics.channelTyping('c1'), {
      signal: new AbortController().signal,
    });
    for (const user of ['u1', 'u2', 'u3']) await bus.publish(topics.channelTyping('c1'), typing(user));
    expect((await take(iterable, 3)).map((event) => event.userId)).toEqual(['u1', 'u2', 'u3']);
  });

  it('ends a pending iteration when the signal aborts, and forgets the listener', async () => {
    const metrics = createMetrics();
    const bus = createMemoryBus({ metrics });
    const controller = new AbortController();
    const iterable = await bus.subscribe(topics.channelTyping('c1'), { signal: controller.signal });
    const iteration = take(iterable, 1);

    controller.abort();

    expect(await iteration).toEqual([]);
    await bus.publish(topics.channelTyping('c1'), typing('u1'));
    expect(await countOf(metrics.eventsPublished)).toBe(1);
    expect(await countOf(metrics.busReceived)).toBe(0);
  });

  it('releases the listener when the consumer stops iterating', async () => {
    const metrics = createMetrics();
    const bus = createMemoryBus({ metrics });
    const iterable = await bus.subscribe(topics.channelTyping('c1'), {
      signal: new AbortController().signal,
    });
    const consumed = take(iterable, 1);
    await bus.publish(topics.channelTyping('c1'), typing('u1'));
    await consumed;

    await bus.publish(topics.channelTyping('c1'), typing('u2'));

    expect(await countOf(metrics.eventsPublished)).toBe(2);
    expect(await countOf(metrics.busReceived)).toBe(1);
  });

  it('returns an ended iterable for an already aborted signal', async () => {
    const metrics = createMetrics();
    const bus = createMemoryBus({ metrics });
    const iterable = await bus.subscribe(topics.channelTyping('c1'), { signal: AbortSignal.abort() });
    await bus.publish(topics.channelTyping('c1'), typing('u1'));
    expect(await take(iterable, 1)).toEqual([]);
    expect(await countOf(metrics.busReceived)).toBe(0);
  });

  it('puts one listener on a signal shared by many subscriptions, and removes it when they end', async () => {
    const bus = createMemoryBus();
    const controller = new AbortController();
    const iterables = await Promise.all(
      Array.from({ length: 20 }, (_, i) => bus.subscribe(topics.channelTyping(`c${i}`), controller)),
    );
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);

    for (const iterable of iterables.slice(1)) await iterable[Symbol.asyncIterator]().return?.();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    const [last] = iterables;
    const pending = last?.[Symbol.asyncIterator]().next();
    controller.abort();
    expect(await pending).toEqual({ done: true, value: undefined });

    const other = new AbortController();
    const iterable = await bus.subscribe(topics.channelTyping('c1'), other);
    await iterable[Symbol.asyncIterator]().return?.();
    expect(getEventListeners(other.signal, 'abort')).toHaveLength(0);
  });

  it('sheds the oldest payloads of a listener that falls behind, and warns once', async () => {
    const { logger, lines } = capturingLogger();
    const metrics = createMetrics();
    const bus = createMemoryBus({ logger, maxQueued: 3, metrics });
    const iterable = await bus.subscribe(topics.channelTyping('c1'), {
      signal: new AbortController().signal,
    });
    for (const user of ['u1', 'u2', 'u3', 'u4', 'u5'])
      await bus.publish(topics.channelTyping('c1'), typing(user));

    expect((await take(iterable, 3)).map((event) => event.userId)).toEqual(['u3', 'u4', 'u5']);
    expect(await countOf(metrics.busDropped)).toBe(2);
    expect(lines.filter((line) => line.msg === 'bus listener fell behind')).toHaveLength(1);
  });

  it('ends every subscription on close and then refuses to publish', async () => {
    const bus = createMemoryBus();
    const iterable = await bus.subscribe(topics.stream('channel:c1'), {
      signal: new AbortController().signal,
    });
    const iteration = take(iterable, 1);

    await bus.close();

    expect(await iteration).toEqual([]);
    expect(bus.isReady()).toBe(false);
    const event = { streamId: 'channel:c1' } as StreamPublication;
    await expect(bus.publish(topics.stream('channel:c1'), event)).rejects.toThrow(/closed/);
  });
});

describe('getProcessMemoryBus', () => {
  afterEach(() => {
    vi.resetModules();
  });

  it('is shared by separate module copies in one process (Next route handlers and the WS server)', async () => {
    const copyA = await import('./memory-bus');
    vi.resetModules();
    const copyB = await import('./memory-bus');
    expect(copyA).not.toBe(copyB);
    const subscriber = await copyB
      .getProcessMemoryBus()
      .subscribe(topics.channelTyping('shared'), { signal: new AbortController().signal });
    const payload = typing('u1');

    await copyA.getProcessMemoryBus().publish(topics.channelTyping('shared'), payload);

    expect(await take(subscriber, 1)).toEqual([payload]);
  });
});

describe('createEventBus without REDIS_URL', () => {
  it('uses the process memory bus and warns that this process must be the only replica', () => {
    const { logger, lines } = capturingLogger();
    const bus = createEventBus({ logger });
    expect(bus.kind).toBe('memory');
    expect(lines.filter((line) => line.level === 40).map((line) => line.msg)).toEqual([
      'REDIS_URL is not set: using the in-memory bus; this process must be the only replica',
    ]);
  });
});
