import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ServerProcess, spawnServer } from './processes';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WEB_DIR = fileURLToPath(new URL('../../../apps/web/', import.meta.url));
const BUILD_ID = fileURLToPath(new URL('../../../apps/web/.next/BUILD_ID', import.meta.url));
const START_TIMEOUT_MS = 90_000;
const BUILD_TIMEOUT_MS = 15 * 60_000;

export type WebReplica = { pid: number; port: number; url: string; stop(): Promise<void>; output(): string };

export type WebReplicaOptions = {
  port: number;
  databaseUrl: string;
  redisUrl: string;
  secret: string;
  /** The address browsers use (the proxy), for next-auth's redirects and cookies. */
  publicUrl: string;
};

/**
 * Starts `apps/web/server.ts` in production mode on 127.0.0.1:`port`, as `npm run start` would, with
 * REALTIME_URLS empty so the pages open their socket on the same origin (`/ws`, through the proxy).
 * Resolves once its own /api/health answers 200.
 */
export async function startWebReplica(options: WebReplicaOptions): Promise<WebReplica> {
  if (!isWebBuilt())
    throw new Error('apps/web has no production build: run `npm run build -w @spotter/web` first');
  const url = `http://127.0.0.1:${options.port}`;
  const proc = spawnServer(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: WEB_DIR,
    env: {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(options.port),
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      NEXTAUTH_SECRET: options.secret,
      NEXTAUTH_URL: options.publicUrl,
      REALTIME_URLS: '',
    },
  });
  try {
    await untilHealthy(`${url}/api/health`, proc);
  } catch (error) {
    await proc.stop('SIGKILL');
    throw new Error(`${(error as Error).message}\n--- web output ---\n${proc.output()}`);
  }
  return {
    pid: proc.pid,
    port: options.port,
    url,
    output: proc.output,
    stop: async () => {
      await proc.stop('SIGTERM', 10_000);
    },
  };
}

export function isWebBuilt(): boolean {
  return existsSync(BUILD_ID);
}

/** Runs `npm run build -w @spotter/web`; rejects with the end of its output if it fails. */
export function buildWeb(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '-w', '@spotter/web'], {
      cwd: REPO_ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: BUILD_TIMEOUT_MS,
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(new Error(`npm run build -w @spotter/web failed (${signal ?? `code ${code}`}):\n${output}`));
    });
  });
}

async function untilHealthy(url: string, proc: ServerProcess) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (!proc.isRunning()) throw new Error(`the web replica exited before ${url} answered`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
      last = `${res.status} ${(await res.text()).slice(0, 300)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer 200 within ${START_TIMEOUT_MS} ms (last answer: ${last})`);
}
