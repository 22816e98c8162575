import { describe, expect, it } from 'vitest';
import { createTokenBucket } from './token-bucket';

function bucketAt(start: number) {
  const clock = { now: start };
  const bucket = createTokenBucket({ capacity: 3, refillMs: 1_000 }, () => clock.now);
  return { bucket, clock };
}

describe('token bucket', () => {
  it('grants a burst up to its capacity, then says how long to wait', () => {
    const { bucket, clock } = bucketAt(10_000);
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([0, 0, 0]);
    clock.now += 250;
    expect(bucket.take()).toBe(750);
  });

  it('refills one token per interval, never beyond its capacity', () => {
    const { bucket, clock } = bucketAt(0);
    for (let i = 0; i < 3; i++) bucket.take();
    clock.now += 1_000;
    expect(bucket.take()).toBe(0);
    expect(bucket.take()).toBeGreaterThan(0);
    clock.now += 60_000;
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([0, 0, 0]);
    expect(bucket.take()).toBeGreaterThan(0);
  });

  it('keeps partial progress toward the next token across refused calls', () => {
    const { bucket, clock } = bucketAt(0);
    for (let i = 0; i < 3; i++) bucket.take();
    clock.now += 600;
    expect(bucket.take()).toBe(400);
    clock.now += 400;
    expect(bucket.take()).toBe(0);
  });

  it('is full again once it has refilled, and only then', () => {
    const { bucket, clock } = bucketAt(0);
    expect(bucket.isFull()).toBe(true);
    bucket.take();
    bucket.take();
    expect(bucket.isFull()).toBe(false);
    clock.now += 1_000;
    expect(bucket.isFull()).toBe(false);
    clock.now += 1_000;
    expect(bucket.isFull()).toBe(true);
  });
});
