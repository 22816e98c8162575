import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort, type ServerProcess, spawnTsx, untilHealthy } from './processes';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB_DIR = join(REPO_ROOT, 'apps', 'web');
const BUILD_ID = join(WEB_DIR, '.next', 'BUILD_ID');

export type WebServer = { url: string; port: number; stop(): Promise<void>; output(): string };

/**
 * Starts `apps/web/server.ts` as `npm run start` (production) or `npm run dev` (development) would,
 * on a free 127.0.0.1 port, and resolves once /api/health answers 200. `env` is the whole
 * environment the server gets besides NODE_ENV, HOST and PORT: nothing leaks in from the test machine.
 */
export async function startWebServer(options: {
  mode: 'production' | 'development';
  /** Given the server's own URL (for NEXTAUTH_URL). */
  env: (url: string) => Record<string, string>;
  timeoutMs: number;
  /** A port chosen beforehand, when other servers must know the web app's URL first; default a free one. */
  port?: number;
}): Promise<WebServer> {
  const port = options.port ?? (await findFreePort());
  const url = `http://127.0.0.1:${port}`;
  const server: ServerProcess = spawnTsx('server.ts', {
    cwd: WEB_DIR,
    env: {
      NODE_ENV: options.mode,
      HOST: '127.0.0.1',
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: '1',
      ...options.env(url),
    },
  });
  try {
    await untilHealthy(`${url}/api/health`, server, options.timeoutMs);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url, port, stop: () => server.stop(), output: server.output };
}

/**
 * Builds the web app unless `.next/BUILD_ID` is newer than every source file it is built from
 * (apps/web and packages/*), so a fresh clone and CI always build and a local rerun does not
 * rebuild needlessly, yet never tests a stale build.
 */
export function ensureWebBuild(): void {
  const builtAt = existsSync(BUILD_ID) ? statSync(BUILD_ID).mtimeMs : 0;
  const sources = [WEB_DIR, join(REPO_ROOT, 'packages')];
  if (builtAt > 0 && newestSourceMtime(sources) < builtAt) return;
  const started = Date.now();
  const result = spawnSync('npm', ['run', 'build', '-w', '@spotter/web'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    timeout: 15 * 60_000,
  });
  if (result.status !== 0) throw new Error(`npm run build -w @spotter/web failed (status ${result.status})`);
  process.stdout.write(`[e2e] web app built in ${Math.round((Date.now() - started) / 1000)} s\n`);
}

const SKIPPED_DIRS = new Set(['node_modules', '.next', '.turbo', 'generated', '.data']);

function newestSourceMtime(dirs: string[]): number {
  let newest = 0;
  for (const dir of dirs) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (SKIPPED_DIRS.has(entry.name)) continue;
      const path = join(dir, entry.name);
      newest = Math.max(newest, entry.isDirectory() ? newestSourceMtime([path]) : statSync(path).mtimeMs);
    }
  }
  return newest;
}
