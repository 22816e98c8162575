import { buildRealtime } from '@spotter/test-support';
import { STACK_ENV } from './stack';
import { startStack } from './start-stack';
import { ensureWebBuild } from './web-build';

/**
 * Builds what the specs run (the web app's production build, the realtime server) and starts the
 * stack they share (see startStack); hands it to them through the environment. Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const step = stopwatch();
  ensureWebBuild();
  // The replicas run apps/realtime/dist/main.js; rebuilding it takes about a second.
  await buildRealtime();
  step('build checked');
  const { stack, stop } = await startStack({ step });
  process.env[STACK_ENV] = JSON.stringify(stack);
  return stop;
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
