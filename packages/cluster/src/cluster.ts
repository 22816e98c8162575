import { seedDemoData } from '@spotter/api';
import { createPrismaClient } from '@spotter/db';
import { createTestDatabase } from '@spotter/db/testing';
import {
  freePort,
  type RedisServer,
  type Replica,
  startRedisServer,
  startReplica,
  untilHttpOk,
} from '@spotter/test-support';
import { cleanUpOnInterrupt } from './interrupts';
import { type Nginx, startNginx } from './nginx';
import { untilWebSocketOpens } from './proxy-probe';
import { buildWeb, isWebBuilt, startWebReplica, type WebReplica } from './web-replica';

export type ClusterOptions = {
  /** A migrated database to use; without one a scratch database is created and dropped by stop(). */
  databaseUrl?: string;
  /** nginx's realtime upstream has two primaries and a backup. */
  realtimeReplicas?: 3;
  /** 2 also starts the production web app behind nginx's `/`; 0 leaves `/` answering 502. */
  webReplicas?: 0 | 2;
  /** A redis-server of the cluster's own on a free port, which a test may stop and start. */
  redis?: 'own';
  /** Adds the demo data (alice@, bob@spotter.dev, #general); idempotent. */
  seed?: boolean;
  /** Builds the web app when it has no production build yet, instead of failing. */
  buildWebIfMissing?: boolean;
  /** NEXTAUTH_SECRET shared by every replica. */
  secret?: string;
  /** Extra environment for the realtime replicas (e.g. DRAIN_TIMEOUT_MS). */
  realtimeEnv?: Record<string, string | undefined>;
  /** Receives one readable line per step ("started nginx on port …"). */
  log?: (line: string) => void;
};

export type Cluster = {
  /** `http://127.0.0.1:<port>`: the only address clients need. */
  nginxUrl: string;
  /** `ws://127.0.0.1:<port>/ws`, proxied to the realtime replicas. */
  wsUrl: string;
  databaseUrl: string;
  secret: string;
  redis: RedisServer;
  /** In nginx's order: primary, primary, backup. */
  replicas: Replica[];
  web: WebReplica[];
  nginx: Nginx;
  /** How many WebSockets nginx proxies to each realtime replica right now, in `replicas` order. */
  clientsPerReplica(): Promise<number[]>;
  /** Stops every process the cluster started (and drops the scratch database); safe to call twice. */
  stop(): Promise<void>;
};

const DEFAULT_SECRET = 'spotter-cluster-secret-not-for-production';
const REALTIME_ROLES = ['primary', 'primary', 'backup'];

/**
 * Starts scaled mode on this machine as docker-compose.yml lays it out: Redis, three realtime
 * replicas, optionally two web replicas, and nginx in front with the production proxy rules, all on
 * 127.0.0.1. Resolves once nginx proxies a WebSocket upgrade on `/ws` (and `/api/health` with web
 * replicas). Everything started is stopped by stop(), on Ctrl-C/SIGTERM, or when the process exits.
 */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const log = options.log ?? (() => {});
  const secret = options.secret ?? DEFAULT_SECRET;
  const stops: Array<() => Promise<unknown>> = [];
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      unregister();
      // Last started, first stopped: nginx goes first, so no replica drains clients for nothing.
      for (const fn of stops.reverse()) await fn().catch(() => {});
    })();
    return stopping;
  };
  const unregister = cleanUpOnInterrupt(stop);

  try {
    const databaseUrl = options.databaseUrl ?? (await scratchDatabase(stops, log));
    if (options.seed) await seedDatabase(databaseUrl);
    const redis = await startRedisServer();
    stops.push(() => redis.stop());
    log(`started redis-server on port ${redis.port}`);

    const nginxPort = await freePort();
    const nginxUrl = `http://127.0.0.1:${nginxPort}`;
    // Browsers load pages from nginx and open `/ws` on it too, so their Origin is the Host nginx
    // passes on (same-origin); listing the proxy's origin keeps that true if the proxy rewrote Host.
    const replicas = await startAll(
      REALTIME_ROLES.map(() =>
        startReplica({
          databaseUrl,
          redisUrl: redis.url,
          secret,
          allowedOrigins: [nginxUrl],
          env: options.realtimeEnv,
        }),
      ),
      stops,
    );
    replicas.forEach((r, i) => {
      log(`started realtime replica ${i + 1} (${REALTIME_ROLES[i]}) pid ${r.pid} on port ${r.port}`);
    });

    const web =
      options.webReplicas === 2
        ? await startWeb(options, { databaseUrl, redis, secret, nginxUrl }, stops, log)
        : [];
    // Without web replicas, `/` points at ports where nothing listens: nginx answers 502 there.
    const webPorts = web.length === 2 ? web.map((w) => w.port) : [await freePort(), await freePort()];

    const nginx = await startNginx(nginxPort, {
      realtime: replicas.map((r) => `127.0.0.1:${r.port}`) as [string, string, string],
      web: webPorts.map((port) => `127.0.0.1:${port}`) as [string, string],
    });
    stops.push(() => nginx.stop());
    const wsUrl = `ws://127.0.0.1:${nginxPort}/ws`;
    await untilWebSocketOpens(wsUrl);
    if (web.length > 0) await untilHttpOk(`${nginxUrl}/api/health`, { timeoutMs: 30_000, intervalMs: 100 });
    log(`started nginx pid ${nginx.pid} on port ${nginxPort}: ${wsUrl} → realtime, ${nginxUrl}/ → web`);

    const clientsPerReplica = () => Promise.all(replicas.map((r) => nginx.connectionsTo(r.port)));
    return { nginxUrl, wsUrl, databaseUrl, secret, redis, replicas, web, nginx, clientsPerReplica, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function scratchDatabase(stops: Array<() => Promise<unknown>>, log: (line: string) => void) {
  const database = await createTestDatabase();
  stops.push(() => database.drop());
  log(`created scratch database ${new URL(database.url).pathname.slice(1)}`);
  return database.url;
}

async function seedDatabase(url: string) {
  const prisma = createPrismaClient(url);
  try {
    await seedDemoData(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

async function startWeb(
  options: ClusterOptions,
  where: { databaseUrl: string; redis: RedisServer; secret: string; nginxUrl: string },
  stops: Array<() => Promise<unknown>>,
  log: (line: string) => void,
): Promise<WebReplica[]> {
  if (!isWebBuilt() && options.buildWebIfMissing) {
    log('apps/web has no production build: running `npm run build -w @spotter/web` (takes a few minutes)');
    await buildWeb();
    log('web app built');
  }
  const ports = [await freePort(), await freePort()];
  const web = await startAll(
    ports.map((port) =>
      startWebReplica({
        port,
        databaseUrl: where.databaseUrl,
        redisUrl: where.redis.url,
        secret: where.secret,
        publicUrl: where.nginxUrl,
      }),
    ),
    stops,
  );
  for (const [i, w] of web.entries()) log(`started web replica ${i + 1} pid ${w.pid} on port ${w.port}`);
  return web;
}

/** Awaits servers started together; whichever started is registered for stopping even if one failed. */
async function startAll<T extends { stop(): Promise<unknown> }>(
  starting: Promise<T>[],
  stops: Array<() => Promise<unknown>>,
): Promise<T[]> {
  const results = await Promise.allSettled(starting);
  for (const result of results) if (result.status === 'fulfilled') stops.push(() => result.value.stop());
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}
