import WebSocket from 'ws';

const PROBE_TIMEOUT_MS = 30_000;
const RETRY_MS = 100;

/** Resolves once a WebSocket upgrade through the proxy at `wsUrl` opens; rejects after 30 s. */
export function untilWebSocketOpens(wsUrl: string): Promise<void> {
  return retryUntil(`a WebSocket to ${wsUrl}`, () => opens(wsUrl));
}

/** Resolves once `url` answers 200; rejects after 30 s with the last answer. */
export function untilHttpOk(url: string): Promise<void> {
  return retryUntil(url, async () => {
    const res = await fetch(url);
    if (res.status !== 200) throw new Error(`${res.status} ${(await res.text()).slice(0, 200)}`);
  });
}

async function retryUntil(what: string, attempt: () => Promise<void>) {
  const deadline = Date.now() + PROBE_TIMEOUT_MS;
  let last = 'no attempt';
  while (Date.now() < deadline) {
    try {
      return await attempt();
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
  throw new Error(`${what} did not succeed through nginx within ${PROBE_TIMEOUT_MS} ms (last: ${last})`);
}

function opens(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { handshakeTimeout: 2_000 });
    socket.once('open', () => {
      socket.close();
      resolve();
    });
    socket.once('error', reject);
  });
}
