import { freePort } from '@spotter/test-support';
import type { RunContext } from './context';
import type { BenchRoom, BenchUser } from './environment';
import { connectFloorClients } from './floor/clients';
import { startRelay } from './floor/relays';
import { type IdleMemory, measureIdleMemory } from './idle-memory';
import { connectSpotterClients } from './spotter/clients';
import { startReplicas } from './spotter/replicas';

/**
 * KB per idle connection, each with one subscription to its room: on a fresh Spotter replica, and on
 * a fresh floor relay for comparison. Each server runs with an inspector on 127.0.0.1, through which
 * its garbage is collected before each reading.
 */
export async function runIdle(context: RunContext): Promise<IdleMemory[]> {
  const connections = context.options.idle;
  if (connections === 0) return [];
  const population = (n: number) => idlePopulation(context.env.users, context.env.rooms, n);

  const spotterPort = await freePort();
  const [replica] = await startReplicas(context, 1, { NODE_OPTIONS: `--inspect=127.0.0.1:${spotterPort}` });
  if (!replica) throw new Error('no replica for the idle-memory figure');
  context.log(`idle memory: ${connections} connections to a fresh Spotter replica (pid ${replica.pid})`);
  const spotter = await measureIdleMemory({
    server: 'Spotter replica',
    pid: replica.pid,
    inspectorPort: spotterPort,
    connections,
    connect: (n) => {
      const { users, rooms } = population(n);
      return connectSpotterClients(() => replica.url, users, rooms, new Set());
    },
  });
  await replica.stop('SIGKILL');

  const relayPort = await freePort();
  const relay = await startRelay(context.env.redis.url, `--inspect=127.0.0.1:${relayPort}`);
  context.cleanup.defer(() => relay.process.stop('SIGKILL'));
  context.log(`idle memory: ${connections} connections to a fresh floor relay (pid ${relay.pid})`);
  const floor = await measureIdleMemory({
    server: 'floor relay',
    pid: relay.pid,
    inspectorPort: relayPort,
    connections,
    connect: (n) => connectFloorClients([relay.url], population(n).rooms, new Set()),
  });
  await relay.process.stop('SIGKILL');
  return [floor, spotter];
}

/** n connections: connection j is user j % users, in that user's room. */
function idlePopulation(users: readonly BenchUser[], rooms: readonly BenchRoom[], n: number) {
  const connectionUsers = Array.from({ length: n }, (_, j) => users[j % users.length] as BenchUser);
  const connectionRooms: BenchRoom[] = rooms.map((room) => ({
    channelId: room.channelId,
    members: connectionUsers.flatMap((_, j) => (room.members.includes(j % users.length) ? [j] : [])),
  }));
  return { users: connectionUsers, rooms: connectionRooms };
}
