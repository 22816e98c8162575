import { once } from 'node:events';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort, isListening } from './ports';

describe('freePort', () => {
  it('hands out a port a server can listen on, and never the same one twice in a row', async () => {
    const [first, second] = [await freePort(), await freePort()];
    expect(first).not.toBe(second);

    const server = createServer().listen(first, '127.0.0.1');
    await once(server, 'listening');
    try {
      expect(await isListening(first)).toBe(true);
    } finally {
      server.close();
      await once(server, 'close');
    }
    expect(await isListening(first)).toBe(false);
  });
});
