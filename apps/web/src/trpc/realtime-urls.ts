/** Remembers `?realtime=<index>` for this tab, so navigation and reloads stay on that replica. */
const PIN_KEY = 'spotter.realtimeIndex';

export type RealtimeUrlPicker = {
  /** The URL the next connection attempt should use. */
  current(): string;
  /** The connection failed or closed: the next attempt tries the next URL in the list. */
  failover(): void;
};

/**
 * Chooses among the realtime servers the web server was configured with (REALTIME_URLS). A tab
 * starts at the pinned index (`?realtime=<index>`, kept in sessionStorage) or a random one, which
 * spreads tabs over the replicas; every closed or failed connection moves it to the next URL, so
 * a dead replica costs one retry. With no URLs configured, this origin's `/ws` serves realtime.
 */
export function createRealtimeUrlPicker(
  urls: readonly string[],
  location: Location,
  storage: Storage,
): RealtimeUrlPicker {
  if (urls.length === 0) {
    const sameOrigin = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
    return { current: () => sameOrigin, failover: () => {} };
  }
  let index = pinnedIndex(urls.length, location, storage) ?? Math.floor(Math.random() * urls.length);
  return {
    current: () => urls[index] as string,
    failover() {
      index = (index + 1) % urls.length;
    },
  };
}

function pinnedIndex(count: number, location: Location, storage: Storage): number | null {
  const fromQuery = new URLSearchParams(location.search).get('realtime');
  if (fromQuery !== null && isIndex(fromQuery, count)) storage.setItem(PIN_KEY, fromQuery);
  const pinned = storage.getItem(PIN_KEY);
  return pinned !== null && isIndex(pinned, count) ? Number(pinned) : null;
}

function isIndex(value: string, count: number): boolean {
  return /^\d+$/.test(value) && Number(value) < count;
}
