import { createPrismaClient, type Database } from '@spotter/db';
import {
  callQuery,
  createUserWithToken,
  openAccepted,
  openSocket,
  type RedisServer,
  type Replica,
  startRedisServer,
  startReplica,
} from '@spotter/test-support';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type WebSocket from 'ws';

const SECRET = 'origin-check-test-secret-not-for-production';
/** The web app's page, on another port than the replica, as in e2e and with REALTIME_URLS. */
const WEB_ORIGIN = 'http://127.0.0.1:3999';

let redis: RedisServer;
let prisma: Database;
let replica: Replica;
let user: Awaited<ReturnType<typeof createUserWithToken>>;
let cookie: string;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  const databaseUrl = inject('databaseUrl');
  redis = await startRedisServer();
  replica = await startReplica({
    databaseUrl,
    redisUrl: redis.url,
    secret: SECRET,
    allowedOrigins: [WEB_ORIGIN],
  });
  prisma = createPrismaClient(databaseUrl);
  user = await createUserWithToken(prisma, SECRET, 'Origin');
  cookie = `next-auth.session-token=${user.token}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.terminate();
  await replica?.stop();
  await prisma?.$disconnect();
  await redis?.stop();
});

async function accepted(headers: Record<string, string>) {
  const socket = await openAccepted(replica.url, headers);
  sockets.push(socket);
  return socket;
}

describe('a realtime replica checks the Origin of every upgrade', () => {
  it('refuses a foreign page that carries the user’s session cookie with 403', async () => {
    expect(await openSocket(replica.url, { Origin: 'https://evil.example', Cookie: cookie })).toEqual({
      refusedWith: 403,
    });
    // Another port of the same host is another origin too.
    expect(await openSocket(replica.url, { Origin: 'http://127.0.0.1:4000', Cookie: cookie })).toEqual({
      refusedWith: 403,
    });
  });

  it('serves the web app’s page (ALLOWED_ORIGINS) and its own origin as the signed-in user', async () => {
    for (const origin of [WEB_ORIGIN, replica.httpUrl]) {
      const socket = await accepted({ Origin: origin, Cookie: cookie });
      expect(await callQuery(socket, 'auth.me')).toEqual({ data: user.session });
    }
  });

  it('treats an upgrade without Origin and with only a cookie as anonymous', async () => {
    const socket = await accepted({ Cookie: cookie });
    expect(await callQuery(socket, 'auth.me')).toEqual({ data: null });
    expect(await callQuery(socket, 'channel.listMine')).toEqual({ errorCode: 'UNAUTHORIZED' });
  });

  it('refuses other paths with 404', async () => {
    expect(await openSocket(replica.url.replace(/\/ws$/, '/other'), { Origin: WEB_ORIGIN })).toEqual({
      refusedWith: 404,
    });
  });
});
