import { createEventBus, createLogger } from '@spotter/api';
import { waitUntil } from '@spotter/test-support';
import type { RunContext } from '../context';
import { measure, warmUp } from '../context';
import { runHostile } from '../hostile/run';
import type { SpotterPhaseName } from '../options';
import { fanoutTarget } from './fanout-target';
import { startReplicas } from './replicas';
import { sendTarget } from './send-target';
import { connectWireClients } from './wire-clients';

/**
 * Spotter's phases on R replicas, those of `--phases` (all by default): fan-out alone, the whole
 * path, then the whole path into one hot channel (every send takes the same stream's next seq);
 * then hostile mode if asked.
 */
export async function runSpotter(context: RunContext) {
  const { env, options } = context;
  const replicas = await startReplicas(context, options.replicas);
  const replicaPids = replicas.map((r) => r.pid);
  context.log(`Spotter: ${replicas.length} realtime replicas (pids ${replicaPids.join(', ')})`);
  // At 'fatal': the bus logs its own orderly close as a lost connection (an error), after the table.
  // A publish that fails is counted as the phase's error, with its message, all the same.
  const bus = createEventBus({
    redisUrl: env.redis.url,
    logger: createLogger({ name: 'bench', level: 'fatal' }),
  });
  context.cleanup.defer(() => bus.close());
  await waitUntil(() => bus.isReady(), {
    timeoutMs: 10_000,
    intervalMs: 50,
    onTimeout: () => new Error('the bench’s event bus did not connect to Redis'),
  });
  const clients = await connectWireClients(
    (index) => replicas[index % replicas.length]?.url as string,
    env.users,
    env.rooms,
    context.arrivals,
  );
  context.cleanup.defer(() => clients.close());
  const send = sendTarget({ clients, replicaPids, rooms: env.rooms });
  const hot = sendTarget({ clients, replicaPids, rooms: env.rooms, isHot: true });
  const fanout = fanoutTarget({ bus, prisma: env.prisma, replicaPids, rooms: env.rooms, users: env.users });

  const runs = (phase: SpotterPhaseName) => options.phases.includes(phase);
  if (runs('whole') || runs('hot')) await warmUp(context, send);
  // A replica reads the database once when its bus subscription is confirmed; until every one has,
  // a published event may arrive from that read instead (no send time): warm up until none does.
  if (runs('fanout')) await warmUp(context, fanout, (result) => result.withoutTimestamp === 0);
  const measured = [];
  const phases = [
    ['fanout', fanout],
    ['whole', send],
    ['hot', hot],
  ] as const;
  for (const [phase, target] of phases) if (runs(phase)) measured.push(await measure(context, phase, target));
  const hostile = options.isHostile ? await runHostile(context, replicas) : [];
  const problems = clients.problems();
  clients.close();
  return { measured, hostile, problems, replicas };
}
