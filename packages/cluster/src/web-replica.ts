import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runNpm, startWebServer, type WebServer } from '@spotter/test-support';

const BUILD_ID = fileURLToPath(new URL('../../../apps/web/.next/BUILD_ID', import.meta.url));
const START_TIMEOUT_MS = 90_000;
const BUILD_TIMEOUT_MS = 15 * 60_000;

export type WebReplica = WebServer;

export type WebReplicaOptions = {
  port: number;
  databaseUrl: string;
  redisUrl: string;
  secret: string;
  /** The address browsers use (the proxy), for next-auth's redirects and cookies. */
  publicUrl: string;
};

/**
 * Starts the production web app on 127.0.0.1:`port` behind the proxy, with REALTIME_URLS empty so
 * the pages open their socket on the same origin (`/ws`, through the proxy). Resolves once its own
 * /api/health answers 200.
 */
export async function startWebReplica(options: WebReplicaOptions): Promise<WebReplica> {
  if (!isWebBuilt())
    throw new Error('apps/web has no production build: run `npm run build -w @spotter/web` first');
  return startWebServer({
    mode: 'production',
    port: options.port,
    timeoutMs: START_TIMEOUT_MS,
    env: () => ({
      LOG_LEVEL: 'warn',
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      NEXTAUTH_SECRET: options.secret,
      NEXTAUTH_URL: options.publicUrl,
      REALTIME_URLS: '',
    }),
  });
}

export function isWebBuilt(): boolean {
  return existsSync(BUILD_ID);
}

/** Runs `npm run build -w @spotter/web`; rejects with the end of its output if it fails. */
export async function buildWeb(): Promise<void> {
  await runNpm(['run', 'build', '-w', '@spotter/web'], {
    timeoutMs: BUILD_TIMEOUT_MS,
    env: { NEXT_TELEMETRY_DISABLED: '1' },
  });
}
