import { fileURLToPath } from 'node:url';
import {
  createApiToken,
  createCache,
  createEventBus,
  createLimits,
  createLogger,
  limitConfig,
  type ServerDeps,
} from '@spotter/api';
import { createPrismaClient, type Database } from '@spotter/db';
import { createTestDatabase, type TestDatabase } from '@spotter/db/testing';
import {
  authenticateOverSocket,
  connectClient,
  createUserWithToken,
  httpClient,
  type RedisServer,
  type Replica,
  recordChannelEvents,
  type ServerProcess,
  spawnTsx,
  startRedisServer,
  startReplica,
  type WsTestClient,
} from '@spotter/test-support';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, expect, it } from 'vitest';

const SECRET = 'integration-test-secret-not-for-production';
const BOT_MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

let database: TestDatabase;
let redis: RedisServer;
let prisma: Database;
let web: ServerDeps;
let replica: Replica;
let bot: ServerProcess | undefined;
let alice: WsTestClient | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  redis = await startRedisServer();
  replica = await startReplica({ databaseUrl: database.url, redisUrl: redis.url, secret: SECRET });
  prisma = createPrismaClient(database.url);
  // The web app's side, where the owner revokes the token: its own Redis connections, as in production.
  const logger = createLogger({ name: 'web-under-test', level: 'silent' });
  web = {
    prisma,
    bus: createEventBus({ redisUrl: redis.url, logger }),
    cache: createCache({ redisUrl: redis.url, logger }),
    limits: createLimits({ config: limitConfig(), logger }),
    logger,
    authSecret: SECRET,
  };
});

afterAll(async () => {
  await bot?.stop();
  alice?.close();
  await replica?.stop();
  await web?.bus.close();
  await web?.cache.close();
  await prisma?.$disconnect();
  await redis?.stop();
  await database?.drop();
});

it('the example bot answers !ping with its API token, and stops when the token is revoked', async () => {
  const owner = await createUserWithToken(prisma, SECRET, 'Bot Owner');
  const person = await createUserWithToken(prisma, SECRET, 'Alice');
  alice = connectClient(replica.url, person.token);
  const channel = await alice.trpc.channel.create.mutate({ name: `bots ${owner.session.userId.slice(-6)}` });
  const { token, id: tokenId } = await createApiToken(prisma, owner.session.userId, {
    name: 'ping bot',
    scope: 'write',
  });

  bot = spawnTsx(BOT_MAIN, {
    cwd: ROOT,
    env: { SPOTTER_WS_URL: replica.url, SPOTTER_TOKEN: token, SPOTTER_CHANNEL: channel.slug },
  });
  await bot.untilOutput((out) => out.includes('listening in') || undefined, 'the bot listening', 30_000);

  const events = recordChannelEvents(alice, { channelId: channel.id });
  await alice.trpc.message.send.mutate({ channelId: channel.id, body: '!ping', nonce: 'ping-1' });
  await events.until('the bot answering pong', () =>
    events.received.some(
      ({ event }) =>
        event.type === 'message.created' &&
        event.message.authorId === owner.session.userId &&
        event.message.body === 'pong',
    ),
  );

  // The owner revokes the token (over the web app's HTTP API, signed in): the bot's socket on the
  // replica is closed, and the bot says so and exits.
  await httpClient(web, owner.token).apiToken.revoke.mutate({ tokenId });
  const exit = await bot.exited;
  expect(exit.code).toBe(2);
  expect(bot.output()).toContain('revoked');

  // New calls with the token are refused, over HTTP and over a new socket.
  const refused = await httpClient(web, token)
    .auth.me.query()
    .then(
      () => 'accepted',
      (error: unknown) => (error instanceof TRPCClientError ? error.data?.code : String(error)),
    );
  expect(refused).toBe('UNAUTHORIZED');
  expect(await authenticateOverSocket(replica.url, token)).toEqual({ closedWith: 4401 });
});
