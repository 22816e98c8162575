const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
/** A stop that hangs must not keep a Ctrl-C'd bench alive. */
const CLEANUP_LIMIT_MS = 30_000;

export type Cleanup = {
  /** Registers a stop; stops run last-registered first. */
  defer(stop: () => Promise<unknown> | unknown): void;
  /** Runs every stop once (later calls share the first run). */
  run(): Promise<void>;
};

/**
 * Everything the bench starts (servers, the scratch database, clients) is registered here and
 * stopped on the way out, on Ctrl-C and on SIGTERM as well as on a normal end. The child processes
 * also die with the bench if it is SIGKILLed (test-support spawns them with a parent-death signal),
 * but only this drops the scratch database.
 */
export function createCleanup(): Cleanup {
  const stops: Array<() => Promise<unknown> | unknown> = [];
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= (async () => {
      for (const stop of stops.reverse()) {
        try {
          await stop();
        } catch {
          // One stop failing (a process already gone) must not leave the others running.
        }
      }
    })();
    return running;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`\n${signal}: stopping everything the bench started…\n`);
    const limit = new Promise((resolve) => setTimeout(resolve, CLEANUP_LIMIT_MS).unref());
    // Repeated signals (the terminal signals the whole group) share this one cleanup.
    void Promise.race([run(), limit]).then(() => process.exit(130));
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return {
    defer: (stop) => {
      stops.push(stop);
    },
    run,
  };
}
