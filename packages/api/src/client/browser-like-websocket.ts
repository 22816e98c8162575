import WebSocket from 'ws';

/**
 * `ws` keeps emitting messages that arrive after close() was called, until the peer answers the
 * close; browsers drop them ("if readyState is not OPEN, return", HTML spec). tRPC's wsClient assumes
 * the browser: on a server-requested reconnect (a replica draining) it closes the old socket and
 * re-subscribes on a new one from the last id it has seen, so a message still arriving on the old
 * socket would be delivered twice. This class gives Node programs the browser's rule.
 */
export class BrowserLikeWebSocket extends WebSocket {
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'message' && this.readyState !== WebSocket.OPEN) return false;
    return super.emit(event, ...args);
  }
}
