import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB_DIR = join(REPO_ROOT, 'apps', 'web');
const BUILD_ID = join(WEB_DIR, '.next', 'BUILD_ID');

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
      // A directory's own time changes when a file in it is deleted or renamed: that needs a build too.
      newest = Math.max(newest, statSync(path).mtimeMs, entry.isDirectory() ? newestSourceMtime([path]) : 0);
    }
  }
  return newest;
}
