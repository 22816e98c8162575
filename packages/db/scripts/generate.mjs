// `prisma generate`, offline. Plain .mjs because it runs from `postinstall`, before tsx may exist.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('prisma/package.json')), 'build/index.js');

const env = {
  ...process.env,
  // The CLI insists on a native schema engine and downloads one when it is missing, which fails
  // offline. `generate` never runs it, so any existing file satisfies the check.
  PRISMA_SCHEMA_ENGINE_BINARY: existsSync(process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '')
    ? process.env.PRISMA_SCHEMA_ENGINE_BINARY
    : fileURLToPath(import.meta.url),
  // No update check or telemetry request: they only slow an offline install down.
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};

const result = spawnSync(process.execPath, [cli, 'generate'], { cwd: packageDir, env, stdio: 'inherit' });
process.exit(result.status ?? 1);
