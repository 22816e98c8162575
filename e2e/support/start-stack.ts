import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoData } from '@spotter/api';
import { createPrismaClient } from '@spotter/db';
import { createTestDatabase } from '@spotter/db/testing';
import {
  freePort,
  type RedisServer,
  startRedisServer,
  startReplica,
  startWebServer,
} from '@spotter/test-support';
import type { E2eStack } from './stack';

/**
 * The other limits are relaxed for the suite (many people sign up from 127.0.0.1); sends and failed
 * sign-ins per account keep real limits over long windows, so abuse-limits.spec.ts can use them up
 * (no other spec sends 30 messages to one channel or fails to sign in at all).
 */
const SEND_LIMIT = { RATE_LIMIT_MESSAGE_SEND: '30/600', RATE_LIMIT_SIGN_IN_ACCOUNT: '3/600' };

const SECRET = 'e2e-secret-not-for-production-0123456789';

/** Where `stop` leaves the servers' logs (outside the repository, beside Playwright's results). */
const LOG_DIR = join(tmpdir(), 'spotter-e2e-logs');

export type StackOptions = {
  /** The PostgreSQL server to make the database on (a spec's own, to stop it); default: the shared one. */
  postgresUrl?: string;
  /** Realtime replicas (default 2). */
  replicas?: number;
  /** Names the replicas' log files, so a spec's own stack does not overwrite the suite's. */
  logName?: string;
  /** Prints how long each stage took. */
  step?: (what: string) => void;
};

/**
 * Scaled mode on this machine: a fresh seeded database, a throwaway redis-server, realtime replicas
 * and the production web build (already built: see ensureWebBuild), all on 127.0.0.1 — the host name
 * the browser uses for both the page and the WebSockets, so the session cookie goes along on the
 * upgrade. `stop` stops everything, drops the database and keeps each replica's log.
 */
export type StartedStack = {
  stack: E2eStack;
  /** The stack's own redis-server, which a spec may stop and start again. */
  redis: RedisServer;
  stop: () => Promise<void>;
};

export async function startStack(options: StackOptions = {}): Promise<StartedStack> {
  const step = options.step ?? (() => {});
  const stopAll: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const fn of stopAll.splice(0).reverse()) await fn().catch(() => {});
  };
  try {
    const database = await createTestDatabase(options.postgresUrl?.replace(/\/postgres$/, ''));
    stopAll.push(() => database.drop());
    const prisma = createPrismaClient(database.url);
    await seedDemoData(prisma);
    await prisma.$disconnect();
    const redis = await startRedisServer();
    stopAll.push(() => redis.stop());
    step('database and redis');

    // The pages are served from the web app's port and open their sockets on the replicas' ports:
    // a cross-origin upgrade, which the replicas accept only from the origins they are given.
    const webPort = await freePort();
    const webUrl = `http://127.0.0.1:${webPort}`;
    const replicaOptions = {
      databaseUrl: database.url,
      redisUrl: redis.url,
      secret: SECRET,
      allowedOrigins: [webUrl],
      env: SEND_LIMIT,
    };
    const replicas = await Promise.all(
      Array.from({ length: options.replicas ?? 2 }, () => startReplica(replicaOptions)),
    );
    for (const [index, replica] of replicas.entries())
      stopAll.push(async () => {
        await replica.stop();
        // What each replica logged, for a failed run: specs see only the browser's side.
        await mkdir(LOG_DIR, { recursive: true });
        await writeFile(join(LOG_DIR, `${options.logName ?? 'realtime'}-${index}.log`), replica.output());
      });
    step('realtime replicas');

    const realtimeUrls = replicas.map((replica) => replica.url);
    const web = await startWebServer({
      mode: 'production',
      port: webPort,
      timeoutMs: 90_000,
      env: (url) => ({
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        NEXTAUTH_SECRET: SECRET,
        NEXTAUTH_URL: url,
        REALTIME_URLS: realtimeUrls.join(','),
        LOG_LEVEL: 'warn',
        ...SEND_LIMIT,
        // Tabs report idle after 5 s without input, so presence.spec.ts need not wait 10 minutes.
        PRESENCE_IDLE_MS: '5000',
      }),
    });
    stopAll.push(() => web.stop());
    step('web app');
    return { stack: { baseURL: web.url, databaseUrl: database.url, realtimeUrls }, redis, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
