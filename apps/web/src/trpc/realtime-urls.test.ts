import { describe, expect, it } from 'vitest';
import { createRealtimeUrlPicker } from './realtime-urls';

const URLS = ['ws://a/ws', 'ws://b/ws', 'ws://c/ws'];

function fakeStorage(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
    key: () => null,
    get length() {
      return items.size;
    },
  };
}

const at = (search: string) => ({ protocol: 'http:', host: 'localhost:3000', search }) as Location;

describe('realtime URL picker', () => {
  it('uses this origin when no realtime servers are configured', () => {
    const next = createRealtimeUrlPicker([], at(''), fakeStorage());
    expect([next(), next()]).toEqual(['ws://localhost:3000/ws', 'ws://localhost:3000/ws']);
  });

  it('starts at the pinned index and moves on with every reconnect', () => {
    const next = createRealtimeUrlPicker(URLS, at('?realtime=1'), fakeStorage());
    expect([next(), next(), next(), next()]).toEqual(['ws://b/ws', 'ws://c/ws', 'ws://a/ws', 'ws://b/ws']);
  });

  it('keeps the pin for the tab after the query parameter is gone', () => {
    const storage = fakeStorage();
    createRealtimeUrlPicker(URLS, at('?realtime=2'), storage);
    expect(createRealtimeUrlPicker(URLS, at(''), storage)()).toBe('ws://c/ws');
  });

  it('ignores a pin outside the list', () => {
    const next = createRealtimeUrlPicker(URLS, at('?realtime=7'), fakeStorage());
    expect(URLS).toContain(next());
  });
});
