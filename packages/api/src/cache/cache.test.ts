import type { Counter } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { createLogger } from '../logger';
import { createMetrics } from '../metrics';
import { createCache } from './create-cache';
import type { Cache } from './types';

const logger = createLogger({ name: 'cache-test', level: 'silent' });
const caches: Cache[] = [];

/** Single-instance mode: no REDIS_URL, memory only. */
function memoryCache() {
  const metrics = createMetrics();
  const cache = createCache({ logger, metrics });
  caches.push(cache);
  return { cache, metrics };
}

async function count(counter: Counter<string>, labels: Record<string, string>) {
  const { values } = await counter.get();
  return values
    .filter((v) => Object.entries(labels).every(([k, want]) => v.labels[k] === want))
    .reduce((sum, v) => sum + v.value, 0);
}

afterEach(async () => {
  await Promise.all(caches.splice(0).map((cache) => cache.close()));
});

describe('cache in single-instance mode (memory only)', () => {
  it('loads once, then answers from memory until the key is invalidated', async () => {
    const { cache, metrics } = memoryCache();
    expect(cache.kind).toBe('memory');
    let stored = { name: 'Ann', since: new Date('2026-01-02T03:04:05Z') };
    let loads = 0;
    const read = () =>
      cache.get('profile', 'u1', async () => {
        loads++;
        return stored;
      });

    expect(await read()).toEqual(stored);
    const again = await read();
    expect(again).toEqual(stored);
    // Dates survive the round trip as dates, not strings.
    expect(again?.since).toBeInstanceOf(Date);
    expect(loads).toBe(1);

    stored = { name: 'Anna', since: stored.since };
    await cache.invalidate('profile', ['u1']);
    expect(await read()).toEqual({ name: 'Anna', since: stored.since });
    expect(loads).toBe(2);

    expect(await count(metrics.cacheHits, { namespace: 'profile' })).toBe(1);
    expect(await count(metrics.cacheMisses, { namespace: 'profile' })).toBe(2);
    expect(await count(metrics.cacheInvalidations, { namespace: 'profile', result: 'ok' })).toBe(1);
  });

  it('keeps namespaces apart: the same key in two namespaces, invalidating one leaves the other', async () => {
    const { cache } = memoryCache();
    await cache.get('profile', 'same', async () => 'a profile');
    await cache.get('workout', 'same', async () => 'a workout');
    expect(await cache.get('profile', 'same', async () => 'reloaded')).toBe('a profile');
    expect(await cache.get('workout', 'same', async () => 'reloaded')).toBe('a workout');

    await cache.invalidate('workout', ['same']);
    expect(await cache.get('workout', 'same', async () => 'new workout')).toBe('new workout');
    expect(await cache.get('profile', 'same', async () => 'reloaded')).toBe('a profile');
  });

  it('invalidates only the keys named', async () => {
    const { cache } = memoryCache();
    await cache.get('exercise', 'a', async () => 1);
    await cache.get('exercise', 'b', async () => 2);
    await cache.invalidate('exercise', ['a']);
    expect(await cache.get('exercise', 'a', async () => 10)).toBe(10);
    expect(await cache.get('exercise', 'b', async () => 20)).toBe(2);
  });

  it('never stores "nothing there": the next read asks again', async () => {
    const { cache } = memoryCache();
    expect(await cache.get('profile', 'nobody', async () => null)).toBeNull();
    expect(await cache.get('profile', 'nobody', async () => 'signed up since')).toBe('signed up since');
  });

  it("passes a loader's error through unchanged and stores nothing", async () => {
    const { cache } = memoryCache();
    const notFound = new AppError('NOT_FOUND', 'No such workout.');
    await expect(
      cache.get('workout', 'w1', async () => {
        throw notFound;
      }),
    ).rejects.toBe(notFound);
    expect(await cache.get('workout', 'w1', async () => 'found')).toBe('found');
  });

  it('loads once for many concurrent readers of a missing key (stampede protection)', async () => {
    const { cache, metrics } = memoryCache();
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const readers = Array.from({ length: 20 }, () =>
      cache.get('feed', 'user-1', async () => {
        loads++;
        await gate;
        return ['first page'];
      }),
    );
    release();
    expect(await Promise.all(readers)).toEqual(Array.from({ length: 20 }, () => ['first page']));
    expect(loads).toBe(1);
    expect(await count(metrics.cacheMisses, { namespace: 'feed' })).toBe(1);
    expect(await count(metrics.cacheHits, { namespace: 'feed' })).toBe(19);
  });
});

describe('scopes', () => {
  it('invalidating a scope reloads every key under it, and nothing else', async () => {
    const { cache } = memoryCache();
    await cache.get('workout', 'w1', async () => 'w1 v1', { scope: 'owner:ann' });
    await cache.get('workout', 'w2', async () => 'w2 v1', { scope: 'owner:ann' });
    await cache.get('workout', 'w3', async () => 'w3 v1', { scope: 'owner:ben' });
    await cache.invalidate('workout', ['owner:ann']);
    expect(await cache.get('workout', 'w1', async () => 'w1 v2', { scope: 'owner:ann' })).toBe('w1 v2');
    expect(await cache.get('workout', 'w2', async () => 'w2 v2', { scope: 'owner:ann' })).toBe('w2 v2');
    expect(await cache.get('workout', 'w3', async () => 'w3 v2', { scope: 'owner:ben' })).toBe('w3 v1');
  });
});
