const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
/** A cleanup that hangs must not keep a Ctrl-C'd process alive for ever. */
const CLEANUP_LIMIT_MS = 30_000;
const cleanups = new Set<() => Promise<unknown>>();
let cleaningUp: Promise<unknown> | undefined;

function onSignal(signal: NodeJS.Signals) {
  // Ctrl-C often arrives twice (the terminal signals the whole group, and tsx relays it to its
  // child): the cleanup already under way covers the repeat.
  if (cleaningUp) return;
  const limit = new Promise((resolve) => setTimeout(resolve, CLEANUP_LIMIT_MS).unref());
  cleaningUp = Promise.race([Promise.allSettled([...cleanups].map((cleanup) => cleanup())), limit]);
  cleaningUp.then(() => {
    for (const name of SIGNALS) process.off(name, onSignal);
    // With our handlers gone, the signal ends the process the way it would have without us.
    process.kill(process.pid, signal);
  });
}

/**
 * Runs `cleanup` (stopping servers, dropping a scratch database) before Ctrl-C or a SIGTERM ends the
 * process, then lets the signal take its default course. The handlers are installed only while at
 * least one cleanup is registered, so a process without a running cluster keeps its usual behaviour.
 * Returns the function that unregisters it.
 */
export function cleanUpOnInterrupt(cleanup: () => Promise<unknown>): () => void {
  if (cleanups.size === 0 && !cleaningUp) for (const name of SIGNALS) process.on(name, onSignal);
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
    // During a cleanup the handlers stay, to absorb repeated signals until it is done.
    if (cleanups.size === 0 && !cleaningUp) for (const name of SIGNALS) process.off(name, onSignal);
  };
}
