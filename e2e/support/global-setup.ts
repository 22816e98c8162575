import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrismaClient, seed } from '@spotter/db';
import { createTestDatabase } from '@spotter/db/testing';
import {
  buildRealtime,
  freePort,
  startRedisServer,
  startReplica,
  startWebServer,
} from '@spotter/test-support';
import { STACK_ENV } from './stack';
import { ensureWebBuild } from './web-build';

/**
 * The other limits are relaxed for the suite (many people sign up from 127.0.0.1); sends and failed
 * sign-ins per account keep real limits over long windows, so abuse-limits.spec.ts can use them up
 * (no other spec sends 30 messages to one channel or fails to sign in at all).
 */
const SEND_LIMIT = { RATE_LIMIT_MESSAGE_SEND: '30/600', RATE_LIMIT_SIGN_IN_ACCOUNT: '3/600' };

const SECRET = 'e2e-secret-not-for-production-0123456789';

/** Where the teardown leaves the servers' logs (outside the repository, beside Playwright's results). */
const LOG_DIR = join(tmpdir(), 'spotter-e2e-logs');

/**
 * Starts scaled mode on this machine: a fresh seeded database, a throwaway redis-server, two realtime
 * replicas and the production web build, all on 127.0.0.1 (the host name the browser uses for both the
 * page and the WebSockets, so the session cookie goes along on the upgrade). Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const stopAll: Array<() => Promise<unknown>> = [];
  const teardown = async () => {
    for (const stop of stopAll.reverse()) await stop().catch(() => {});
  };
  try {
    const step = stopwatch();
    ensureWebBuild();
    // The replicas run apps/realtime/dist/main.js; rebuilding it takes about a second.
    await buildRealtime();
    step('build checked');

    const database = await createTestDatabase();
    stopAll.push(() => database.drop());
    const prisma = createPrismaClient(database.url);
    await seed(prisma);
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
    const replicas = await Promise.all([startReplica(replicaOptions), startReplica(replicaOptions)]);
    for (const [index, replica] of replicas.entries())
      stopAll.push(async () => {
        await replica.stop();
        // What each replica logged, for a failed run: specs see only the browser's side.
        await mkdir(LOG_DIR, { recursive: true });
        await writeFile(join(LOG_DIR, `realtime-${index}.log`), replica.output());
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

    process.env[STACK_ENV] = JSON.stringify({ baseURL: web.url, databaseUrl: database.url, realtimeUrls });
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}

/** Prints how long each stage took: the setup is most of an e2e run's time. */
function stopwatch() {
  let last = Date.now();
  return (what: string) => {
    const now = Date.now();
    process.stdout.write(`[e2e] ${what} ready in ${((now - last) / 1000).toFixed(1)} s\n`);
    last = now;
  };
}
