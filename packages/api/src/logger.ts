import pino from 'pino';

export type Logger = pino.Logger;

/**
 * One structured logger per process: JSON lines in production (for log shippers),
 * level-filtered by LOG_LEVEL. Apps create it once and hand it down; children add context.
 */
export function createLogger(options: { name: string; level?: string; pretty?: boolean }): Logger {
  const base = { name: options.name, level: options.level ?? 'info' };
  if (!options.pretty) return pino(base);
  // A synchronous pretty stream: pino's worker-thread transports do not survive Next's bundler.
  return pino(base, prettyStream());
}

function prettyStream(): pino.DestinationStream {
  const levels: Record<number, string> = {
    10: 'TRACE',
    20: 'DEBUG',
    30: 'INFO',
    40: 'WARN',
    50: 'ERROR',
    60: 'FATAL',
  };
  return {
    write(line: string) {
      const { level, time, name, msg, pid: _pid, hostname: _host, ...rest } = JSON.parse(line);
      const extra = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
      const stamp = new Date(time).toISOString().slice(11, 23);
      process.stdout.write(`${stamp} ${levels[level] ?? level} [${name}] ${msg ?? ''}${extra}\n`);
    },
  };
}
