import { describe, expect, it } from 'vitest';
import { createMemoryBus } from '../bus/memory-bus';
import { topics } from '../bus/topics';
import { liveWithResyncs, RESYNC } from './live-with-resyncs';

const typing = (userName: string) => ({ channelId: 'c1', userId: userName, userName, isTyping: true });

describe('liveWithResyncs', () => {
  it('interleaves resync marks with live items without losing a pending item', async () => {
    const bus = createMemoryBus();
    const controller = new AbortController();
    const live = await bus.subscribe(topics.channelTyping('c1'), { signal: controller.signal });
    let fireLive: () => void = () => {};
    let stopped = false;
    const merged = liveWithResyncs(live, (listener) => {
      fireLive = listener;
      return () => {
        stopped = true;
      };
    });

    const first = merged.next();
    await bus.publish(topics.channelTyping('c1'), typing('ann'));
    expect((await first).value).toMatchObject({ userName: 'ann' });

    const second = merged.next();
    fireLive();
    expect((await second).value).toBe(RESYNC);
    await bus.publish(topics.channelTyping('c1'), typing('ben'));
    expect((await merged.next()).value).toMatchObject({ userName: 'ben' });

    controller.abort();
    expect((await merged.next()).done).toBe(true);
    expect(stopped).toBe(true);
  });
});
