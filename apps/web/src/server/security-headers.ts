import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

type Options = {
  /** Development: Next's dev runtime evaluates code (React Refresh, eval source maps). */
  isDev: boolean;
  /** Realtime WebSocket URLs the page connects to besides its own origin's /ws (REALTIME_URLS). */
  realtimeUrls: readonly string[];
};

/** The realtime servers' origins as CSP sources: `ws://host:port` for `ws://host:port/ws`. */
function originsOf(urls: readonly string[]): string[] {
  return [...new Set(urls.map((url) => new URL(url).origin))];
}

/**
 * The Content-Security-Policy of one response. Scripts run only from this origin or with this
 * response's nonce (Next puts it on its own inline bootstrap scripts), so an injected <script> or
 * event handler does not run; no page may frame Spotter (clickjacking); forms post only here.
 * Styles allow inline: React's style attributes need it, and a style cannot run code.
 */
export function contentSecurityPolicy(nonce: string, { isDev, realtimeUrls }: Options): string {
  const script = ["'self'", `'nonce-${nonce}'`, ...(isDev ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${script.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // 'self' covers this origin's own ws:// and wss:// (CSP 3); REALTIME_URLS may be elsewhere.
    `connect-src ${["'self'", ...originsOf(realtimeUrls)].join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Sets Spotter's security headers on every response of the web server, before Next handles the
 * request. The CSP also goes onto the request: Next reads the nonce from there and stamps it on the
 * scripts it renders (a client cannot choose it: this overwrites whatever the request carried).
 */
export function applySecurityHeaders(options: Options) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const nonce = randomBytes(16).toString('base64');
    const policy = contentSecurityPolicy(nonce, options);
    req.headers['content-security-policy'] = policy;
    res.setHeader('Content-Security-Policy', policy);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    // For browsers older than frame-ancestors.
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  };
}
