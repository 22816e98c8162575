/** Remembers `?realtime=<index>` for this tab, so navigation and reloads stay on that replica. */
const PIN_KEY = 'spotter.realtimeIndex';

/**
 * Chooses among the realtime servers the web server was configured with (REALTIME_URLS). Returns
 * the URL for each connection attempt: the first goes to the pinned index (`?realtime=<index>`,
 * kept in sessionStorage) or a random one, which spreads tabs over the replicas; every later attempt
 * (the connection failed, closed, or the server asked clients to reconnect before draining) goes to
 * the next URL, so a dead replica costs one retry. With no URLs configured, this origin's `/ws`.
 */
export function createRealtimeUrlPicker(
  urls: readonly string[],
  location: Location,
  storage: Storage,
): () => string {
  if (urls.length === 0) {
    const sameOrigin = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
    return () => sameOrigin;
  }
  let index = pinnedIndex(urls.length, location, storage) ?? Math.floor(Math.random() * urls.length);
  let isFirstAttempt = true;
  return () => {
    if (!isFirstAttempt) index = (index + 1) % urls.length;
    isFirstAttempt = false;
    return urls[index] as string;
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
