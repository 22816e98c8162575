import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runNpm } from './npm-script';

// Started by path, as a deployment starts it: test-support never imports the app's code.
const REALTIME_MAIN = fileURLToPath(new URL('../../../apps/realtime/dist/main.js', import.meta.url));
const BUILD_ARGS = ['run', 'build', '-w', '@spotter/realtime'] as const;
const BUILD_TIMEOUT_MS = 2 * 60_000;

/**
 * Bundles the realtime replica into apps/realtime/dist/main.js (`npm run build -w @spotter/realtime`,
 * about a second). Every entry point that starts replicas calls it first, so no run ever tests a
 * build left over from an older checkout. Rejects with the end of the build's output if it fails.
 */
export async function buildRealtime(): Promise<void> {
  await runNpm(BUILD_ARGS, { timeoutMs: BUILD_TIMEOUT_MS });
}

/** The built replica's entry point; throws, saying how to build it, when there is none. */
export function builtRealtimeMain(): string {
  if (!existsSync(REALTIME_MAIN))
    throw new Error(
      `the realtime replica is not built (no ${REALTIME_MAIN}): run \`npm ${BUILD_ARGS.join(' ')}\``,
    );
  return REALTIME_MAIN;
}
