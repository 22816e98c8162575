import type { PresenceItem } from '@spotter/api';
import { createPrismaClient, type Database } from '@spotter/db';
import { createTestDatabase } from '@spotter/db/testing';
import {
  buildRealtime,
  connectClient,
  createUserWithToken,
  type Replica,
  startRedisServer,
  startReplica,
  type WsTestClient,
  waitUntil,
} from '@spotter/test-support';
import Redis from 'ioredis';
import type { Cleanup } from '../cleanup';
import { SECRET } from '../environment';
import { percentiles } from '../percentiles';
import { callsBetween, commandCalls, total } from './command-stats';

/** Status changes measured per audience size: within one connection's burst allowance (10). */
const CHANGES = 8;
const WAIT = { timeoutMs: 120_000, intervalMs: 20 };
const CONNECT_BATCH = 50;

export type PresenceRow = {
  friends: number;
  /** Median over the changes: every Redis command a change cost (Lua's inner ones included). */
  commandsPerChange: number;
  publishesPerChange: number;
  /** The commands of a typical change, by name. */
  breakdown: string;
  /** From the call to each friend's socket having the change, over every friend and change. */
  p50Ms: number | null;
  p99Ms: number | null;
  deliveries: number;
};

/**
 * The cost of presence: a user with N friends, each friend a WebSocket client (spread over two
 * replicas) following `presence.onChange`, toggles idle/active CHANGES times. Per change it reads
 * the private redis-server's INFO commandstats before and after (the change is over once every
 * friend has it), and the time until each friend's socket had it.
 */
export async function runPresenceBench(
  sizes: readonly number[],
  cleanup: Cleanup,
  log: (line: string) => void,
): Promise<PresenceRow[]> {
  await buildRealtime();
  const redis = await startRedisServer();
  cleanup.defer(() => redis.stop());
  const database = await createTestDatabase();
  cleanup.defer(() => database.drop());
  const prisma = createPrismaClient(database.url);
  cleanup.defer(() => prisma.$disconnect());
  const options = { databaseUrl: database.url, redisUrl: redis.url, secret: SECRET };
  const replicas = await Promise.all([startReplica(options), startReplica(options)]);
  for (const replica of replicas) cleanup.defer(() => replica.stop('SIGTERM'));
  const stats = new Redis(redis.url);
  cleanup.defer(() => stats.quit());
  log(`redis-server on port ${redis.port}, 2 replicas`);

  const rows: PresenceRow[] = [];
  for (const size of sizes) rows.push(await measure(size, { prisma, replicas, stats, cleanup, log }));
  return rows;
}

async function measure(
  size: number,
  run: { prisma: Database; replicas: Replica[]; stats: Redis; cleanup: Cleanup; log: (line: string) => void },
): Promise<PresenceRow> {
  const { prisma, replicas, stats } = run;
  const user = await createUserWithToken(prisma, SECRET, `Watched${size}`);
  const friends = [];
  for (let i = 0; i < size; i += 50)
    friends.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(50, size - i) }, (_, k) =>
          createUserWithToken(prisma, SECRET, `Friend${i + k}`),
        ),
      )),
    );
  await prisma.relationship.createMany({
    data: friends.flatMap((friend) => [
      { userId: user.session.userId, otherId: friend.session.userId, kind: 'FRIEND' as const },
      { userId: friend.session.userId, otherId: user.session.userId, kind: 'FRIEND' as const },
    ]),
  });

  // What each friend's socket was last told about the watched user, and when.
  const seen: { status: string | undefined; at: number }[] = friends.map(() => ({
    status: undefined,
    at: 0,
  }));
  const clients: WsTestClient[] = [];
  const failures: string[] = [];
  run.cleanup.defer(() => {
    for (const client of clients) client.close();
  });
  // In batches, as the message bench connects: 500 subscriptions opened in one go exhaust the
  // replicas' database pools (each reads its audience), which is not what this measures.
  for (const [index, friend] of friends.entries()) {
    if (index % CONNECT_BATCH === 0)
      await waitUntil(() => seen.slice(0, index).every((s) => s.status !== undefined), {
        ...WAIT,
        onTimeout: () =>
          new Error(`friends before ${index} got no presence snapshot: ${failures.join('; ')}`),
      });
    const client = connectClient((replicas[index % replicas.length] as Replica).url, friend.token);
    clients.push(client);
    client.trpc.presence.onChange.subscribe(undefined, {
      onData(item: PresenceItem) {
        const status =
          item.type === 'snapshot'
            ? item.statuses[user.session.userId]
            : item.userId === user.session.userId
              ? item.status
              : undefined;
        if (status) seen[index] = { status, at: performance.now() };
      },
      onError(error) {
        failures.push(error.message);
      },
    });
  }
  await waitUntil(() => seen.every((s) => s.status !== undefined), {
    ...WAIT,
    onTimeout: () =>
      new Error(
        `${seen.filter((s) => s.status === undefined).length} of ${size} friends got no presence snapshot; errors: ${[...new Set(failures)].join('; ')}`,
      ),
  });
  const watched = connectClient((replicas[0] as Replica).url, user.token);
  clients.push(watched);
  await watched.trpc.presence.mine.query();
  await waitUntil(() => seen.every((s) => s.status === 'online'), {
    ...WAIT,
    onTimeout: () => new Error('the friends never saw the user online'),
  });
  run.log(`${size} friends connected and watching`);

  const latencies: number[] = [];
  const commands: number[] = [];
  const publishes: number[] = [];
  let breakdown = '';
  for (let change = 0; change < CHANGES; change++) {
    const activity = change % 2 === 0 ? 'idle' : 'active';
    const expected = activity === 'idle' ? 'idle' : 'online';
    const before = await commandCalls(stats);
    const startedAt = performance.now();
    await watched.trpc.presence.setActivity.mutate({ activity });
    await waitUntil(() => seen.every((s) => s.status === expected), {
      ...WAIT,
      onTimeout: () => new Error(`not every friend saw the change to ${expected}`),
    });
    const ran = callsBetween(before, await commandCalls(stats));
    for (const s of seen) latencies.push(s.at - startedAt);
    commands.push(total(ran));
    publishes.push(ran.get('publish') ?? 0);
    if (change === 1)
      breakdown = [...ran]
        .sort((a, b) => b[1] - a[1])
        .map(([name, count]) => `${name}×${count}`)
        .join(' ');
  }
  for (const client of clients.splice(0)) client.close();
  const [p50, p99] = percentiles(Float64Array.from(latencies), [50, 99]);
  return {
    friends: size,
    commandsPerChange: median(commands),
    publishesPerChange: median(publishes),
    breakdown,
    p50Ms: p50 ?? null,
    p99Ms: p99 ?? null,
    deliveries: latencies.length,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The figures as a table. */
export function formatPresenceReport(rows: readonly PresenceRow[]): string {
  const ms = (value: number | null) => (value === null ? '—' : value.toFixed(1));
  const lines = [
    'presence: cost of one status change (idle ⇄ online) of a user, seen by all their friends',
    '',
    '| friends | Redis commands/change | publishes/change | to every friend p50 ms | p99 ms | deliveries |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.friends} | ${r.commandsPerChange} | ${r.publishesPerChange} | ${ms(r.p50Ms)} | ${ms(r.p99Ms)} | ${r.deliveries} |`,
    ),
    '',
    ...rows.map((r) => `commands of a change with ${r.friends} friends: ${r.breakdown}`),
    '(commands counted by INFO commandstats on the bench’s own redis-server, median of the changes;',
    ' a background sweep or heartbeat that falls inside a change window adds a few)',
  ];
  return lines.join('\n');
}
