import { isIP } from 'node:net';

export type RedisConnectionConfig = {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  /** Set for `rediss://`: TLS, with the URL's host name as SNI (IP literals send none, per RFC 6066). */
  tls?: { servername?: string };
  /** `host:port`, for log lines (never contains credentials). */
  address: string;
};

const USAGE = 'REDIS_URL must look like redis://[user:password@]host[:port][/db] (or rediss:// for TLS)';

/**
 * Parses REDIS_URL: `redis://` or `rediss://` (TLS), optional user and password (percent-decoded),
 * optional port (6379) and db index in the path (`redis://user:pass@host:6380/2`).
 * Throws an error that says what a valid value looks like, without echoing the password.
 */
export function parseRedisUrl(raw: string): RedisConnectionConfig {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`${USAGE}; it is not a URL`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new Error(`${USAGE}; got scheme ${url.protocol}`);
  }
  // IPv6 literals keep their brackets in URL.hostname; net.connect wants them bare.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new Error(`${USAGE}; the host is missing`);
  const port = url.port ? Number(url.port) : 6379;
  const dbPath = url.pathname.replace(/^\//, '');
  if (dbPath !== '' && !/^\d+$/.test(dbPath))
    throw new Error(`${USAGE}; the db index "${dbPath}" is not a number`);
  const config: RedisConnectionConfig = {
    host,
    port,
    db: dbPath === '' ? 0 : Number(dbPath),
    address: `${url.hostname}:${port}`,
  };
  if (url.username) config.username = decodeURIComponent(url.username);
  if (url.password) config.password = decodeURIComponent(url.password);
  if (url.protocol === 'rediss:') config.tls = isIP(host) ? {} : { servername: host };
  return config;
}
