import { once } from 'node:events';
import { callQuery, openAccepted, openSocket } from '@spotter/test-support';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type WebSocket from 'ws';
import type { Session } from '../context';
import { type ApiHarness, createApiHarness } from '../testing/api-harness';
import { type EndpointServer, startEndpointServer } from '../testing/endpoint-server';
import { MAX_PAYLOAD_BYTES, type WsEndpoint } from './ws-endpoint';

// The endpoint mounted on a plain HTTP server exactly as apps/web/server.ts mounts it in front of
// Next: `pass` for other paths, the public URL (NEXTAUTH_URL) among the allowed origins.
const PUBLIC_ORIGIN = 'https://spotter.example.com';

let h: ApiHarness;
let running: EndpointServer;
let endpoint: WsEndpoint;
let base: string;
let user: Session;
let cookie: string;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  h = createApiHarness(inject('databaseUrl'));
  running = await startEndpointServer(
    { deps: h.deps, path: '/ws', allowedOrigins: [PUBLIC_ORIGIN], otherPaths: 'pass' },
    // Stands in for Next's dev HMR listener, which handles the upgrades the endpoint leaves alone.
    (server) =>
      server.on('upgrade', (req, socket) => {
        if (!req.url?.startsWith('/ws'))
          socket.end('HTTP/1.1 418 Next Was Here\r\nConnection: close\r\n\r\n');
      }),
  );
  ({ endpoint, host: base } = running);
  ({ session: user } = await h.createUser('Origin Tester'));
  cookie = `next-auth.session-token=${(await h.signIn(user)).token}`;
});

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.terminate();
});

afterAll(async () => {
  await running?.close();
  await h?.close();
});

async function accepted(headers: Record<string, string>, path = '/ws') {
  const socket = await openAccepted(`ws://${base}${path}`, headers);
  sockets.push(socket);
  return socket;
}

describe('the WebSocket endpoint (as the web server mounts it)', () => {
  it('refuses a foreign page carrying the user’s session cookie with 403, before any tRPC traffic', async () => {
    const outcome = await openSocket(`ws://${base}/ws`, { Origin: 'https://evil.example', Cookie: cookie });
    expect(outcome).toEqual({ refusedWith: 403 });
  });

  it('serves the same-origin page and the public URL’s page as the signed-in user', async () => {
    for (const origin of [`http://${base}`, PUBLIC_ORIGIN]) {
      const socket = await accepted({ Origin: origin, Cookie: cookie });
      expect(await callQuery(socket, 'auth.me')).toEqual({ data: user });
    }
  });

  it('treats an upgrade without Origin as a program: its cookie is ignored, its token counts', async () => {
    const anonymous = await accepted({ Cookie: cookie });
    expect(await callQuery(anonymous, 'auth.me')).toEqual({ data: null });
    expect(await callQuery(anonymous, 'channel.listMine')).toEqual({ errorCode: 'UNAUTHORIZED' });

    const program = await accepted({}, '/ws?connectionParams=1');
    const token = (await h.signIn(user)).token;
    program.send(JSON.stringify({ method: 'connectionParams', data: { token } }));
    expect(await callQuery(program, 'auth.me')).toEqual({ data: user });
  });

  it('leaves other paths to the server’s other upgrade listeners (Next’s HMR)', async () => {
    expect(await openSocket(`ws://${base}/_next/webpack-hmr`)).toEqual({ refusedWith: 418 });
  });

  it('closes a socket that sends a frame over the size limit (1009) instead of reading it', async () => {
    const socket = await accepted({ Origin: `http://${base}`, Cookie: cookie });
    socket.send(Buffer.alloc(MAX_PAYLOAD_BYTES + 1));
    const [code] = (await once(socket, 'close')) as [number];
    expect(code).toBe(1009);
  });

  it('while draining, tells clients to reconnect and refuses new upgrades with 503', async () => {
    const socket = await accepted({ Origin: `http://${base}`, Cookie: cookie });
    const notified = new Promise((resolve) => {
      socket.on('message', (raw) => {
        if (JSON.parse(raw.toString()).method === 'reconnect') resolve(true);
      });
    });
    const drained = endpoint.drain(5_000);
    expect(await notified).toBe(true);
    expect(await openSocket(`ws://${base}/ws`, { Origin: `http://${base}` })).toEqual({ refusedWith: 503 });
    socket.close();
    expect(await drained).toEqual({ remaining: 0 });
  });
});
