import type { WebSocket } from 'ws';

const OPEN = 1; // WebSocket.OPEN

export type KeepAlive = {
  /** Starts watching a new connection. */
  watch(socket: WebSocket): void;
  stop(): void;
};

/**
 * Keep-alive for every connection of an endpoint on one timer (tRPC's own handler arms two per
 * connection): a socket silent for `pingMs` gets tRPC's text `PING` (wsLink answers `PONG`); one that
 * stays silent `pongWaitMs` longer is cut off, and its client reconnects and resumes. Any message
 * counts as a sign of life.
 */
export function createKeepAlive(
  sockets: ReadonlySet<WebSocket>,
  timing: { pingMs: number; pongWaitMs: number },
): KeepAlive {
  const heardAt = new WeakMap<WebSocket, number>();
  const pingedAt = new WeakMap<WebSocket, number>();
  // One listener function shared by every socket, not a closure per connection.
  function onMessage(this: WebSocket) {
    heardAt.set(this, Date.now());
    pingedAt.delete(this);
  }
  const timer = setInterval(
    () => {
      const now = Date.now();
      for (const socket of sockets) {
        if (socket.readyState !== OPEN) continue;
        const pinged = pingedAt.get(socket);
        if (pinged !== undefined) {
          if (now - pinged >= timing.pongWaitMs) socket.terminate();
        } else if (now - (heardAt.get(socket) ?? now) >= timing.pingMs) {
          socket.send('PING');
          pingedAt.set(socket, now);
        }
      }
    },
    Math.min(timing.pingMs, timing.pongWaitMs),
  );
  timer.unref();
  return {
    watch(socket) {
      heardAt.set(socket, Date.now());
      socket.on('message', onMessage);
    },
    stop: () => clearInterval(timer),
  };
}
