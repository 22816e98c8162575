import { createPrismaClient } from '@spotter/db';
import { createTestDatabase } from '@spotter/db/testing';
import {
  buildRealtime,
  connectClient,
  type Replica,
  startRedisServer,
  startReplica,
  type WsTestClient,
} from '@spotter/test-support';
import type { Cleanup } from '../cleanup';
import { SECRET } from '../environment';
import { percentiles } from '../percentiles';
import { databaseStatements } from './database-queries';
import { type CacheBenchData, seedProfilesAndWorkouts } from './seed';

export const CACHE_USAGE = `npm run bench -- cache [--requests N]

Reads profiles (profile.get) and workout summaries (workout.get) through 1 and 3 realtime replicas,
with the cache off (CACHE=off) and on, and prints per read kind: latency p50/p99 and PostgreSQL
statements per request. --requests: reads per kind and configuration (default 400).`;

type Row = { label: string; p50: number | null; p99: number | null; queries: number };

/** `npm run bench -- cache`: what the cache saves the database and the reader. */
export async function runCacheBench(argv: string[], cleanup: Cleanup, log: (line: string) => void) {
  const requestsAt = argv.indexOf('--requests');
  const requests = requestsAt >= 0 ? Number(argv[requestsAt + 1]) : 400;
  if (!Number.isInteger(requests) || requests < 10 || requests > 100_000)
    throw new Error('--requests must be a whole number from 10 to 100,000');

  await buildRealtime();
  const redis = await startRedisServer();
  cleanup.defer(() => redis.stop());
  const database = await createTestDatabase();
  cleanup.defer(() => database.drop());
  const prisma = createPrismaClient(database.url);
  cleanup.defer(() => prisma.$disconnect());
  const startReplicas = async (count: number, cache: 'on' | 'off') => {
    const started: Replica[] = [];
    for (let i = 0; i < count; i++) {
      const replica = await startReplica({
        databaseUrl: database.url,
        redisUrl: redis.url,
        secret: SECRET,
        env: { CACHE: cache },
      });
      cleanup.defer(() => replica.stop('SIGTERM'));
      started.push(replica);
    }
    return started;
  };

  const [seeder] = await startReplicas(1, 'on');
  const data = await seedProfilesAndWorkouts(prisma, seeder as Replica, { owners: 20, viewers: 6 });
  await seeder?.stop('SIGTERM');
  log(`seeded ${data.usernames.length} profiles and workouts`);

  const rows: Row[] = [];
  for (const replicas of [1, 3]) {
    for (const cache of ['off', 'on'] as const) {
      const started = await startReplicas(replicas, cache);
      const clients = data.viewerTokens.map((token, i) =>
        connectClient((started[i % started.length] as (typeof started)[number]).url, token),
      );
      try {
        for (const kind of ['profile', 'workout'] as const) {
          await readAll(clients, data, kind, data.usernames.length); // warm-up: connections, caches
          const before = await databaseStatements(prisma);
          const latencies = await readAll(clients, data, kind, requests);
          const statements = (await databaseStatements(prisma)) - before - 1;
          const [p50, p99] = percentiles(latencies, [50, 99]);
          rows.push({
            label: `${kind.padEnd(8)} ${String(replicas)} replica${replicas > 1 ? 's' : ' '}  cache ${cache.padEnd(3)}`,
            p50: p50 ?? null,
            p99: p99 ?? null,
            queries: statements / requests,
          });
          log(`${rows.at(-1)?.label}: done`);
        }
      } finally {
        await Promise.all(clients.map((client) => client.close()));
        await Promise.all(started.map((replica) => replica.stop('SIGTERM')));
      }
    }
  }
  return formatRows(rows, requests);
}

/** `count` reads spread over the clients (each reads in turn), every one timed. */
async function readAll(
  clients: WsTestClient[],
  data: CacheBenchData,
  kind: 'profile' | 'workout',
  count: number,
) {
  const latencies = new Float64Array(count);
  let next = 0;
  await Promise.all(
    clients.map(async (client) => {
      for (let i = next++; i < count; i = next++) {
        const started = performance.now();
        if (kind === 'profile')
          await client.trpc.profile.get.query({
            username: data.usernames[i % data.usernames.length] as string,
          });
        else
          await client.trpc.workout.get.query({
            workoutId: data.workoutIds[i % data.workoutIds.length] as string,
          });
        latencies[i] = performance.now() - started;
      }
    }),
  );
  return latencies;
}

function formatRows(rows: Row[], requests: number) {
  const ms = (value: number | null) => (value === null ? '-' : value.toFixed(1)).padStart(7);
  return [
    `reads per row: ${requests}, 6 clients spread over the replicas; PostgreSQL statements counted in pg_stat_database`,
    `read     replicas    cache     p50 ms  p99 ms  db queries/request`,
    ...rows.map(
      (row) => `${row.label}  ${ms(row.p50)} ${ms(row.p99)}  ${row.queries.toFixed(2).padStart(8)}`,
    ),
  ].join('\n');
}
