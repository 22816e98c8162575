import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// Started by path, as a deployment starts it: test-support never imports the app's code.
const REALTIME_MAIN = fileURLToPath(new URL('../../../apps/realtime/dist/main.js', import.meta.url));
const BUILD_COMMAND = ['npm', 'run', 'build', '-w', '@spotter/realtime'] as const;
const BUILD_TIMEOUT_MS = 2 * 60_000;

/**
 * Bundles the realtime replica into apps/realtime/dist/main.js (`npm run build -w @spotter/realtime`,
 * about a second). Every entry point that starts replicas calls it first, so no run ever tests a
 * build left over from an older checkout. Rejects with the end of the build's output if it fails.
 */
export async function buildRealtime(): Promise<void> {
  const [file, ...args] = BUILD_COMMAND;
  const result = await execa(file, args, {
    cwd: REPO_ROOT,
    stdin: 'ignore',
    all: true,
    reject: false,
    timeout: BUILD_TIMEOUT_MS,
  });
  if (result.failed)
    throw new Error(
      `${BUILD_COMMAND.join(' ')} failed (${result.shortMessage}):\n${result.all.slice(-8_000)}`,
    );
}

/** The built replica's entry point; throws, saying how to build it, when there is none. */
export function builtRealtimeMain(): string {
  if (!existsSync(REALTIME_MAIN))
    throw new Error(
      `the realtime replica is not built (no ${REALTIME_MAIN}): run \`${BUILD_COMMAND.join(' ')}\``,
    );
  return REALTIME_MAIN;
}
