import { waitUntil } from '@spotter/test-support';
import WebSocket from 'ws';

const PROBE_TIMEOUT_MS = 30_000;
const RETRY_MS = 100;

/** Resolves once a WebSocket upgrade through the proxy at `wsUrl` opens; rejects after 30 s. */
export function untilWebSocketOpens(wsUrl: string): Promise<void> {
  let last = 'no attempt';
  return waitUntil(
    () =>
      opens(wsUrl).then(
        () => true,
        (error: Error) => {
          last = error.message;
          return false;
        },
      ),
    {
      timeoutMs: PROBE_TIMEOUT_MS,
      intervalMs: RETRY_MS,
      onTimeout: () =>
        new Error(
          `a WebSocket to ${wsUrl} did not open through nginx within ${PROBE_TIMEOUT_MS} ms (last: ${last})`,
        ),
    },
  );
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
