import type { WebEnv } from '../env';

/**
 * The URL a developer opens in single-instance mode, as the startup log prints it. `localhost`
 * for loopback and wildcard binds (what the README says to open), otherwise the bound host.
 */
export function ownUrl(env: Pick<WebEnv, 'HOST' | 'PORT'>, port = env.PORT): string {
  const isLocal = ['0.0.0.0', '::', '127.0.0.1', '::1', 'localhost'].includes(env.HOST);
  const host = isLocal ? 'localhost' : env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  return `http://${host}:${port}`;
}
