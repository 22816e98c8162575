import { decode, encode } from 'next-auth/jwt';
import type { Session } from '../context';

/** next-auth's cookie names: the `__Secure-` one is used when NEXTAUTH_URL is https. */
const SESSION_COOKIE_NAMES = ['__Secure-next-auth.session-token', 'next-auth.session-token'] as const;

/**
 * Seven days, sliding: the browser re-issues its cookie on every page load (next-auth's session
 * endpoint), so someone who uses Spotter weekly stays signed in, while a cookie copied off a
 * forgotten machine dies within a week even if nobody revokes it (next-auth's default is 30 days).
 */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/** What a session JWT says: who, and which sign-in (`sid`, a SignInSession row) it belongs to. */
export type SessionClaims = { session: Session; sessionId: string | null };

/**
 * Decodes a next-auth session JWT (the cookie's value). `sessionId` is null for a token issued
 * before sign-ins were registered; such a token cannot be revoked, so callers refuse it.
 */
export async function decodeSessionToken(token: string, secret: string): Promise<SessionClaims | null> {
  try {
    const jwt = await decode({ token, secret });
    if (!jwt?.sub || typeof jwt.email !== 'string') return null;
    const name = typeof jwt.name === 'string' ? jwt.name : jwt.email;
    return {
      session: { userId: jwt.sub, email: jwt.email, name },
      sessionId: typeof jwt.sid === 'string' ? jwt.sid : null,
    };
  } catch {
    // A token from another secret or a tampered cookie is simply no session.
    return null;
  }
}

/** Issues a token in next-auth's own format for a registered sign-in (see openSignInSession). */
export function issueSessionToken(session: Session, sessionId: string, secret: string): Promise<string> {
  return encode({
    token: { sub: session.userId, email: session.email, name: session.name, sid: sessionId },
    secret,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

/** Finds the session token in a Cookie header, joining next-auth's chunked cookies (`name.0`, `name.1`…). */
export function sessionTokenFromCookieHeader(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  const cookies = new Map<string, string>();
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  for (const name of SESSION_COOKIE_NAMES) {
    const whole = cookies.get(name);
    if (whole) return decodeCookie(whole);
    const chunks: string[] = [];
    for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`) as string);
    if (chunks.length > 0) return decodeCookie(chunks.join(''));
  }
  return null;
}

/**
 * Only the session cookie is decoded, and a malformed one is no session: any page of the site can
 * set a cookie such as `x=%E0%A4%A`, which must not break every request of that browser.
 */
function decodeCookie(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** The bearer token of an `Authorization: Bearer …` header, for scripts calling the HTTP API. */
export function bearerToken(authorization: string | null | undefined): string | null {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}
