import type { Database } from '@spotter/db';
import {
  authenticateOverSocket,
  callQuery,
  httpClient,
  openAccepted,
  type Replica,
  signIn,
  startTestStack,
  startWebSide,
  TEST_SECRET,
  type TestStack,
  type WebSide,
  within,
} from '@spotter/test-support';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type WebSocket from 'ws';

const REVOKED = 4401;

let stack: TestStack;
let prisma: Database;
let replicas: Replica[];
/** Two web replicas' tRPC HTTP handlers, each with its own Redis connections, as in production. */
let webs: [WebSide, WebSide];
const sockets: WebSocket[] = [];

beforeAll(async () => {
  stack = await startTestStack();
  ({ prisma, replicas } = stack);
  webs = [startWebSide(stack), startWebSide(stack)];
});

afterAll(async () => {
  for (const socket of sockets) socket.terminate();
  await Promise.all(webs?.map((web) => web.close()) ?? []);
  await stack?.stop();
});

/** A signed-in socket, as a tab holds one; resolves once the replica has answered as that user. */
async function signedInSocket(url: string, token: string) {
  const socket = await openAccepted(`${url}?connectionParams=1`);
  sockets.push(socket);
  const closed = new Promise<number>((resolve) => socket.once('close', (code: number) => resolve(code)));
  socket.send(JSON.stringify({ method: 'connectionParams', data: { token } }));
  const reply = await callQuery(socket, 'channel.listMine');
  expect(reply).toHaveProperty('data');
  return { socket, closed };
}

const httpCode = (call: Promise<unknown>) =>
  call.then(
    () => 'accepted',
    (error: unknown) => (error instanceof TRPCClientError ? String(error.data?.code) : String(error)),
  );

it('"sign out everywhere" closes both sessions\' sockets on two replicas, and every replica refuses their tokens', async () => {
  const [replicaA, replicaB] = replicas as [Replica, Replica];
  const [webA, webB] = webs;
  const laptop = await stack.createUser('Two Devices');
  const phone = await signIn(prisma, TEST_SECRET, laptop.session, 'phone');
  const onA = await signedInSocket(replicaA.url, laptop.token);
  const onB = await signedInSocket(replicaB.url, phone.token);

  // From the laptop, through one web replica: both sign-ins are revoked.
  expect(await httpClient(webA, laptop.token).session.revokeAll.mutate()).toEqual({ revoked: 2 });
  const codes = await within(
    Promise.all([onA.closed, onB.closed]),
    2_000,
    'both sockets closed within 2 s of "sign out everywhere"',
  );
  expect(codes).toEqual([REVOKED, REVOKED]);

  for (const token of [laptop.token, phone.token]) {
    for (const replica of replicas)
      expect(await authenticateOverSocket(replica.url, token)).toEqual({ closedWith: REVOKED });
    for (const web of webs)
      expect(await httpCode(httpClient(web, token).channel.listMine.query())).toBe('UNAUTHORIZED');
  }
  // The other web replica, which only heard of it on the bus, refuses the other session too.
  expect(await httpCode(httpClient(webB, phone.token).auth.me.query())).toBe('UNAUTHORIZED');
});

it('a revoked session stays refused after Redis restarts (the database is the truth)', async () => {
  const user = await stack.createUser('Restart');
  const other = await signIn(prisma, TEST_SECRET, user.session);
  const [replicaA] = replicas as [Replica];
  // Both tokens are checked (and their answers cached) on the replica first.
  for (const token of [user.token, other.token])
    expect(await authenticateOverSocket(replicaA.url, token)).toHaveProperty('me');

  // Redis goes away: the revocation cannot be announced on the bus.
  await stack.redis.stop();
  expect(await httpClient(webs[0], user.token).session.revoke.mutate({ sessionId: other.sessionId })).toEqual(
    {
      revoked: 1,
    },
  );
  await stack.redis.start();

  // Once the bus is back, the replica forgets what it cached and asks the database again.
  await expect
    .poll(() => authenticateOverSocket(replicaA.url, other.token), { timeout: 15_000, interval: 500 })
    .toEqual({ closedWith: REVOKED });
  expect(await authenticateOverSocket(replicaA.url, user.token)).toHaveProperty('me');
});
