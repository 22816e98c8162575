import type { IncomingHttpHeaders } from 'node:http';

/**
 * The origin (`scheme://host[:port]`, default port dropped) of an http(s) URL, or null when the
 * value is not one. Used for ALLOWED_ORIGINS entries and NEXTAUTH_URL alike, so both compare equal
 * to what browsers send in the Origin header.
 */
export function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

export type OriginVerdict =
  /** No Origin header: a program, not a browser. Allowed, but only a token may authenticate it. */
  | 'absent'
  /** The page's origin is the server's own (Origin host = Host header). */
  | 'same-origin'
  /** One of the configured origins (ALLOWED_ORIGINS, the web app's NEXTAUTH_URL). */
  | 'configured'
  /** Any other page: it would act as the user with their cookie, so the upgrade is refused. */
  | 'foreign';

/**
 * Judges the Origin of a WebSocket upgrade. Browsers attach cookies to cross-site WebSocket
 * upgrades and WebSockets have no CORS, so without this check any page the user visits could open
 * a socket as them (cross-site WebSocket hijacking).
 *
 * Same-origin compares the Origin's host with the Host header, ignoring the scheme: behind a
 * TLS-terminating proxy the server sees plain HTTP while the page is https. nginx passes the
 * browser's Host through (`proxy_set_header Host $http_host`). X-Forwarded-Host is not trusted:
 * without a proxy in front, the client sets it.
 */
export function judgeOrigin(headers: IncomingHttpHeaders, allowed: ReadonlySet<string>): OriginVerdict {
  const origin = headers.origin;
  if (origin === undefined) return 'absent';
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    // `Origin: null` (sandboxed frames, file: pages) and garbage are no one we know.
    return 'foreign';
  }
  if (allowed.has(url.origin)) return 'configured';
  if (headers.host && hostOf(url.protocol, headers.host) === url.host) return 'same-origin';
  return 'foreign';
}

/** The Host header normalized like URL.host (lower case, the scheme's default port dropped). */
function hostOf(protocol: string, hostHeader: string): string | null {
  try {
    return new URL(`${protocol}//${hostHeader}`).host;
  } catch {
    return null;
  }
}
