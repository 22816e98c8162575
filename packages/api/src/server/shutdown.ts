import type { Logger } from '../logger';

export type ShutdownOptions = {
  logger: Logger;
  /** Drains and closes everything the process serves with; the process exits 0 once it resolves. */
  stop(signal: NodeJS.Signals): Promise<void>;
  /** A stop that hangs (a stuck connection, a slow database) must not block a restart forever. */
  forceExitMs: number;
};

/**
 * Stops the process gracefully on SIGTERM (orchestrators, `docker stop`) and SIGINT (Ctrl-C):
 * runs `stop` once, exits 1 if it takes longer than `forceExitMs` or fails, and exits at once on a
 * second signal — whoever sends it twice means "now".
 */
export function stopOnSignals(options: ShutdownOptions): void {
  const { logger } = options;
  let isStopping = false;
  const onSignal = async (signal: NodeJS.Signals) => {
    if (isStopping) {
      logger.warn({ signal }, 'second signal during shutdown; exiting at once');
      process.exit(1);
    }
    isStopping = true;
    logger.info({ signal }, 'shutting down');
    const forceExit = setTimeout(() => {
      logger.warn({ forceExitMs: options.forceExitMs }, 'shutdown took too long; exiting');
      process.exit(1);
    }, options.forceExitMs);
    // The timer alone must not keep a process alive whose work is done.
    forceExit.unref();
    try {
      await options.stop(signal);
    } catch (err) {
      logger.error({ err }, 'shutdown failed; exiting');
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
