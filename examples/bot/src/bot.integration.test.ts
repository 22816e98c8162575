import { fileURLToPath } from 'node:url';
import { createApiToken } from '@spotter/api';
import {
  authenticateOverSocket,
  httpClient,
  type Replica,
  recordChannelEvents,
  type ServerProcess,
  spawnTsx,
  startTestStack,
  startWebSide,
  type TestStack,
  type WebSide,
} from '@spotter/test-support';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, expect, it } from 'vitest';

const BOT_MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

let stack: TestStack;
/** The web app's side, where the owner revokes the token: its own Redis connections, as in production. */
let web: WebSide;
let replica: Replica;
let bot: ServerProcess | undefined;

beforeAll(async () => {
  stack = await startTestStack({ replicas: 1 });
  [replica] = stack.replicas as [Replica];
  web = startWebSide(stack);
});

afterAll(async () => {
  await bot?.stop();
  await web?.close();
  await stack?.stop();
});

it('the example bot answers !ping with its API token, and stops when the token is revoked', async () => {
  const owner = await stack.createUser('Bot Owner');
  const person = await stack.createUser('Alice');
  const alice = stack.connect(replica.url, person.token);
  const channel = await alice.trpc.channel.create.mutate({ name: `bots ${owner.session.userId.slice(-6)}` });
  const { token, id: tokenId } = await createApiToken(stack.prisma, owner.session.userId, {
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
