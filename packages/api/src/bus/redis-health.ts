import type Redis from 'ioredis';
import type { Logger } from '../logger';
import type { RedisConnectionConfig } from './redis-url';

type Outage = { key: string; message: string };

/**
 * Logs the state of the bus' Redis connections as transitions, not as events: ioredis emits an
 * error on every retry (several a second), which would bury the one line an operator needs.
 * Logs once when Redis cannot be reached (naming REDIS_URL and host:port), again only if the cause
 * changes (say, refused → wrong password), and "bus reconnected" once every connection is ready again.
 */
export function watchConnections(
  connections: Redis[],
  config: RedisConnectionConfig,
  logger: Logger,
  /** True once the bus is being closed on purpose: its connections closing then is no outage. */
  isClosing: () => boolean,
): void {
  let wasEverUp = false;
  let isUp = false;
  let outage: Outage | undefined;

  const down = (next: Outage, detail: string) => {
    isUp = false;
    if (isClosing()) return;
    if (outage?.key === next.key) return;
    outage = next;
    logger.error({ redis: config.address, reason: detail }, next.message);
  };

  for (const connection of connections) {
    connection.on('error', (err: Error) => down(describeFailure(err, config), err.message));
    connection.on('close', () => {
      if (isUp) down(lost(config), 'connection closed');
    });
    connection.on('ready', () => {
      if (isUp || !connections.every((c) => c.status === 'ready')) return;
      isUp = true;
      outage = undefined;
      if (wasEverUp) logger.info({ redis: config.address }, 'bus reconnected');
      else logger.info({ redis: config.address }, 'bus connected to Redis');
      wasEverUp = true;
    });
  }
}

function lost(config: RedisConnectionConfig): Outage {
  return {
    key: 'network',
    message: `lost the connection to Redis at ${config.address} (REDIS_URL); reconnecting — publishes fail until it is back`,
  };
}

/** Turns a connection error into the sentence an operator can act on; `key` groups retries of one cause. */
export function describeFailure(err: Error, config: RedisConnectionConfig): Outage {
  const code = errorCode(err);
  const at = `at ${config.address}`;
  // Checked before the network codes: a plain server hanging up on a TLS client is an ECONNRESET.
  if (code?.startsWith('ERR_SSL') || code?.startsWith('ERR_TLS') || /certificate|SSL|TLS/.test(err.message)) {
    return {
      key: 'tls',
      message: `REDIS_URL is set but the TLS handshake with Redis ${at} failed (${code ?? err.message}) — use rediss:// only if the server speaks TLS, and check its certificate`,
    };
  }
  if (code === 'ECONNREFUSED') {
    return {
      key: 'network',
      message: `REDIS_URL is set but Redis refused the connection ${at} — is it running?`,
    };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return {
      key: 'network',
      message: `REDIS_URL is set but its host ${config.host} cannot be resolved (${code}) — check the host name`,
    };
  }
  if (code === 'ETIMEDOUT' || code === 'ECONNRESET' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    return {
      key: 'network',
      message: `REDIS_URL is set but Redis ${at} cannot be reached (${code}) — check the host, port and firewall`,
    };
  }
  if (/^WRONGPASS/.test(err.message)) {
    return {
      key: 'auth',
      message: `REDIS_URL is set but Redis ${at} rejected its user or password (WRONGPASS) — check the credentials in REDIS_URL`,
    };
  }
  if (/^NOAUTH/.test(err.message)) {
    return {
      key: 'auth',
      message: `REDIS_URL is set but Redis ${at} requires a password (NOAUTH) — put user:password in REDIS_URL`,
    };
  }
  return {
    key: `other:${err.message}`,
    message: `REDIS_URL is set but the connection to Redis ${at} failed: ${err.message}`,
  };
}

function errorCode(err: Error): string | undefined {
  const withCode = err as Error & { code?: unknown; errors?: unknown[] };
  if (typeof withCode.code === 'string') return withCode.code;
  // Node reports a failed dual-stack connect ("localhost") as an AggregateError of per-address errors.
  const first = withCode.errors?.[0] as { code?: unknown } | undefined;
  return typeof first?.code === 'string' ? first.code : undefined;
}
