const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
const cleanups = new Set<() => Promise<unknown>>();

async function onSignal(signal: NodeJS.Signals) {
  for (const name of SIGNALS) process.off(name, onSignal);
  await Promise.allSettled([...cleanups].map((cleanup) => cleanup()));
  // With our handlers gone, the signal ends the process the way it would have without us.
  process.kill(process.pid, signal);
}

/**
 * Runs `cleanup` (stopping servers, dropping a scratch database) before Ctrl-C or a SIGTERM ends the
 * process, then lets the signal take its default course. The handlers are installed only while at
 * least one cleanup is registered, so a process without a running cluster keeps its usual behaviour.
 * Returns the function that unregisters it.
 */
export function cleanUpOnInterrupt(cleanup: () => Promise<unknown>): () => void {
  if (cleanups.size === 0) for (const name of SIGNALS) process.on(name, onSignal);
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0) for (const name of SIGNALS) process.off(name, onSignal);
  };
}
