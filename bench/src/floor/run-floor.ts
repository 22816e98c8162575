import type { RunContext } from '../context';
import { measure, warmUp } from '../context';
import { connectFloorClients } from './clients';
import { startRelay } from './relays';
import { floorTarget } from './target';

/**
 * The floor: R relay processes, the same clients in the same rooms, the same rate. Everything it
 * started is stopped before Spotter's phases, so they do not share the CPU with idle relays.
 */
export async function runFloor(context: RunContext) {
  const { env, options } = context;
  const relays = await Promise.all(Array.from({ length: options.replicas }, () => startRelay(env.redis.url)));
  const stopRelays = () => Promise.all(relays.map((relay) => relay.process.stop()));
  context.cleanup.defer(stopRelays);
  context.log(`floor: ${relays.length} relays (pids ${relays.map((r) => r.pid).join(', ')})`);
  const clients = await connectFloorClients(
    relays.map((relay) => relay.url),
    env.rooms,
    context.arrivals,
  );
  const target = floorTarget({
    redisUrl: env.redis.url,
    relayPids: relays.map((relay) => relay.pid),
    rooms: env.rooms,
    users: env.users,
  });
  try {
    await warmUp(context, target);
    return await measure(context, 'floor', target);
  } finally {
    target.close();
    clients.close();
    await stopRelays();
  }
}
