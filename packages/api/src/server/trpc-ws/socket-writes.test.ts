import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { sendText, wireFrame, writeWireFrame } from './socket-writes';

// A real ws server and client over TCP: what the client's parser makes of the prepared frames is
// the check, as a browser's would be.
let server: WebSocketServer;
let serverSide: WebSocket;
let client: WebSocket;
let received: { text: string; isBinary: boolean }[];

beforeEach(async () => {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: 1024 * 1024 });
  await once(server, 'listening');
  const accepted = once(server, 'connection') as Promise<[WebSocket]>;
  client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  received = [];
  client.on('message', (data, isBinary) => received.push({ text: data.toString(), isBinary }));
  [serverSide] = await accepted;
  await once(client, 'open');
});

afterEach(async () => {
  client.terminate();
  server.close();
});

async function untilReceived(count: number): Promise<void> {
  for (let waited = 0; received.length < count && waited < 5_000; waited += 10)
    await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('wire frames', () => {
  it('arrive as the very text, as text frames, at every length boundary of the header', async () => {
    // UTF-8 lengths around the 7-bit, 16-bit and 64-bit length forms; "é" is two bytes.
    const texts = [
      '',
      'a',
      'x'.repeat(125),
      'x'.repeat(126),
      `${'é'.repeat(32_767)}x`,
      'é'.repeat(32_768),
      'é'.repeat(40_000),
    ];
    for (const text of texts) writeWireFrame(serverSide, wireFrame(text));
    await untilReceived(texts.length);
    expect(received.map((message) => message.text.length)).toEqual(texts.map((text) => text.length));
    expect(received.every((message, index) => message.text === texts[index] && !message.isBinary)).toBe(true);
  });

  it('keep their order among frames sent through ws, and one frame can be written again', async () => {
    const shared = wireFrame('{"event":2}');
    sendText(serverSide, '{"answer":1}');
    writeWireFrame(serverSide, shared);
    sendText(serverSide, '{"answer":3}');
    writeWireFrame(serverSide, shared);
    await untilReceived(4);
    expect(received.map((message) => message.text)).toEqual([
      '{"answer":1}',
      '{"event":2}',
      '{"answer":3}',
      '{"event":2}',
    ]);
  });

  it('count in bufferedAmount until written, as frames sent through ws do', () => {
    const frame = wireFrame('y'.repeat(1_000));
    writeWireFrame(serverSide, frame);
    // Corked for the rest of this tick: held, and counted as unsent.
    expect(serverSide.bufferedAmount).toBeGreaterThanOrEqual(frame.bytes.length);
  });
});
