import { type Replica, startReplica } from '@spotter/test-support';
import type { RunContext } from '../context';
import { SECRET } from '../environment';

/** Starts `count` realtime replicas (each its own process) on the bench's Redis and database. */
export async function startReplicas(
  context: RunContext,
  count: number,
  env: Record<string, string> = {},
): Promise<Replica[]> {
  const starting = Array.from({ length: count }, () =>
    startReplica({
      databaseUrl: context.env.databaseUrl,
      redisUrl: context.env.redis.url,
      secret: SECRET,
      env,
      // BENCH_REPLICA_NODE_ARGS profiles the replicas, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
      nodeArgs: process.env.BENCH_REPLICA_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
    }),
  );
  const results = await Promise.allSettled(starting);
  for (const result of results)
    if (result.status === 'fulfilled')
      // SIGTERM: a graceful exit, which also writes a --cpu-prof profile.
      context.cleanup.defer(() => result.value.stop('SIGTERM'));
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return results.map((r) => (r as PromiseFulfilledResult<Replica>).value);
}
