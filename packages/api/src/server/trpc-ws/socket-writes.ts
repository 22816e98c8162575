import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';

/**
 * A complete WebSocket text frame, header and payload, made once and written as it is to every
 * socket that receives it: a server's frames are never masked, so the bytes are the same for all.
 */
export type WireFrame = {
  readonly bytes: Buffer;
  /** The UTF-8 text alone (a view of `bytes`), for a socket that must be sent through `ws`. */
  readonly payload: Buffer;
};

const TEXT_FRAME = { binary: false } as const;

/**
 * `text` framed as `ws` frames it for `send` (RFC 6455 §5.2): FIN and the text opcode, no mask (a
 * server's frames have none), the UTF-8 length in 7 bits, or 16, or 64, then the UTF-8 bytes.
 */
export function wireFrame(text: string): WireFrame {
  const length = Buffer.byteLength(text);
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const bytes = Buffer.allocUnsafe(headerLength + length);
  bytes[0] = 0x81;
  if (length < 126) bytes[1] = length;
  else if (length < 65_536) {
    bytes[1] = 126;
    bytes.writeUInt16BE(length, 2);
  } else {
    bytes[1] = 127;
    bytes.writeBigUInt64BE(BigInt(length), 2);
  }
  bytes.write(text, headerLength);
  return { bytes, payload: bytes.subarray(headerLength) };
}

/** What `ws` keeps of a socket and does not publish; see writeWireFrame. */
type WsInternals = { _socket?: Duplex | null; _sender?: { _bufferedBytes?: number } | null };

/** A socket whose frames go out now; `ws` has its own check that it is still open. */
export function sendText(socket: WebSocket, text: string): void {
  corkForThisTick(socket);
  socket.send(text);
}

/**
 * Writes a prepared frame straight to the socket's TCP stream, skipping what `ws.send` does for
 * each delivery (a header buffer, options, a cork of its own) when thousands of sockets get the
 * same event. It is what `send` would write: the server has no per-message deflate (ws-endpoint.ts)
 * and sends no fragments, so `ws` holds no frame state between sends. Whenever `ws` queues frames
 * of its own (it would only for compression or a Blob), or keeps no TCP socket, `send` is used.
 * The bytes count in `bufferedAmount` either way: `ws` reads it off the same stream.
 */
export function writeWireFrame(socket: WebSocket, frame: WireFrame): void {
  const internals = socket as unknown as WsInternals;
  const tcp = internals._socket;
  if (!tcp || typeof tcp.write !== 'function' || internals._sender?._bufferedBytes !== 0) {
    sendBytes(socket, frame.payload);
    return;
  }
  corkForThisTick(socket);
  tcp.write(frame.bytes);
}

function sendBytes(socket: WebSocket, payload: Buffer): void {
  corkForThisTick(socket);
  // UTF-8 bytes already; they must still go as a text frame, as wsLink expects.
  socket.send(payload, TEXT_FRAME);
}

/**
 * Bytes held back at most: beyond, what is held is written at once. Far below the bounds on unsent
 * bytes (see limits.ts), so a replay written in one go never looks like a client that stopped reading.
 */
const MAX_CORKED_BYTES = 16 * 1024;

/** Sockets corked during this tick, all uncorked by one callback when it ends. */
let corked: Duplex[] = [];

/**
 * Holds the frames a socket is sent during this tick and writes them together once it ends, as
 * Node's documentation suggests for `cork`: one system call for all of them, not one each. The
 * system call is the largest cost of a delivery; several frames for one socket in one tick are
 * common under load (the events of one Redis read, a frame of a thousand calls answered at once),
 * and the more there are, the more each write carries. Nothing waits: the tick ends anyway. One
 * callback per tick uncorks every socket, not one per socket: a tick's event reaches many sockets.
 */
function corkForThisTick(socket: WebSocket) {
  // `ws` has no API for this; it keeps the TCP socket as `_socket` and reads that socket's write
  // state itself (for `bufferedAmount`). Without one, frames go out one write each, as before.
  const tcp = (socket as unknown as WsInternals)._socket;
  if (!tcp || typeof tcp.cork !== 'function') return;
  if (tcp.writableCorked === 0) {
    tcp.cork();
    if (corked.push(tcp) === 1) process.nextTick(uncorkAll);
  } else if (tcp.writableLength >= MAX_CORKED_BYTES) {
    // Out with what is held; the rest of the tick is held again, until the uncork already scheduled.
    tcp.uncork();
    tcp.cork();
  }
}

function uncorkAll() {
  const sockets = corked;
  corked = [];
  for (const tcp of sockets) tcp.uncork();
}
