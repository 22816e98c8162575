import { createPrismaClient, type Database } from '@spotter/db';
import { createTestDatabase } from '@spotter/db/testing';
import {
  buildRealtime,
  createUserWithToken,
  type RedisServer,
  startRedisServer,
} from '@spotter/test-support';
import type { Cleanup } from './cleanup';
import type { Rooms } from './deliveries';
import { BENCH_APPLICATION_NAME } from './postgres-cpu';
import { findPids } from './proc';

export const SECRET = 'spotter-bench-secret-not-for-production';

export type BenchUser = { id: string; name: string; token: string };
/** A channel whose members are the clients in `members` (client i is user i). */
export type BenchRoom = { channelId: string; members: readonly number[] };

export type Environment = {
  redis: RedisServer;
  /** The redis-server process, for its CPU. */
  redisPid: number | undefined;
  databaseUrl: string;
  /** The bench's own connections, named so the PostgreSQL CPU figure leaves them out. */
  prisma: Database;
  users: BenchUser[];
  rooms: BenchRoom[];
  /** Client indexes per room, as the delivery counters want them. */
  roomMembers: Rooms;
};

/**
 * A redis-server and a migrated scratch database of the bench's own, `clients` users with session
 * tokens, and channels of `room` members each (client i in room ⌊i / room⌋). Written straight to the
 * database: setting up is not what is measured.
 */
export async function prepareEnvironment(
  options: { clients: number; room: number },
  cleanup: Cleanup,
  log: (line: string) => void,
): Promise<Environment> {
  // The replicas run apps/realtime/dist/main.js: measure a build of the code in this checkout.
  await buildRealtime();
  log('built the realtime replica');
  const redis = await startRedisServer();
  cleanup.defer(() => redis.stop());
  const redisPid = findPids(['redis-server', `:${redis.port}`])[0];
  log(`redis-server on port ${redis.port} (pid ${redisPid ?? 'unknown'})`);

  const database = await createTestDatabase();
  cleanup.defer(() => database.drop());
  const url = new URL(database.url);
  url.searchParams.set('application_name', BENCH_APPLICATION_NAME);
  const prisma = createPrismaClient(url.toString());
  cleanup.defer(() => prisma.$disconnect());
  log(`scratch database ${url.pathname.slice(1)}, migrated`);

  const users: BenchUser[] = [];
  for (let i = 0; i < options.clients; i += 50) {
    const batch = Array.from({ length: Math.min(50, options.clients - i) }, (_, k) =>
      createUserWithToken(prisma, SECRET, `Bench${i + k + 1}`),
    );
    for (const { session, token } of await Promise.all(batch))
      users.push({ id: session.userId, name: session.name, token });
  }

  const rooms: BenchRoom[] = [];
  const run = Date.now().toString(36);
  for (let first = 0; first < users.length; first += options.room) {
    const members = Array.from({ length: Math.min(options.room, users.length - first) }, (_, k) => first + k);
    const index = rooms.length;
    const channel = await prisma.channel.create({
      data: {
        slug: `bench-${run}-${index}`,
        name: `bench room ${index}`,
        createdById: (users[first] as BenchUser).id,
        memberships: {
          create: members.map((client, seat) => ({
            userId: (users[client] as BenchUser).id,
            role: seat === 0 ? 'OWNER' : 'MEMBER',
          })),
        },
      },
      select: { id: true },
    });
    rooms.push({ channelId: channel.id, members });
  }
  log(`${users.length} users with tokens, ${rooms.length} rooms of up to ${options.room}`);
  return {
    redis,
    redisPid,
    databaseUrl: database.url,
    prisma,
    users,
    rooms,
    roomMembers: rooms.map((r) => r.members),
  };
}
