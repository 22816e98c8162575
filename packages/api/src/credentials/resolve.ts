import { decodeSessionToken } from '../auth/session-token';
import type { Auth, ServerDeps, Session } from '../context';
import { findLiveApiToken, hashApiToken, isApiToken, type TokenHolder, touchApiToken } from './api-tokens';
import { credentialCacheFor } from './cache';
import { isSignInLive, touchSignIn } from './sign-in-sessions';

export type Resolution =
  | { kind: 'none' }
  /** A credential that was valid once: revoked, expired, or a session token from before `sid`. */
  | { kind: 'refused' }
  | { kind: 'ok'; session: Session; auth: Auth };

/**
 * Turns a credential (a session JWT from the cookie, or a personal API token) into who is calling,
 * checking revocation on every call: the replica's cache first, the database when it does not know.
 * A JWT that does not decode (another secret, garbage) is no credential at all, as before.
 */
export async function resolveCredential(deps: ServerDeps, credential: string | null): Promise<Resolution> {
  if (!credential) return { kind: 'none' };
  return isApiToken(credential) ? resolveApiToken(deps, credential) : resolveSessionToken(deps, credential);
}

async function resolveSessionToken(deps: ServerDeps, token: string): Promise<Resolution> {
  const claims = await decodeSessionToken(token, deps.authSecret);
  if (!claims) return { kind: 'none' };
  const { session, sessionId } = claims;
  if (!sessionId || !(await isSessionLive(deps, session, sessionId))) return { kind: 'refused' };
  return { kind: 'ok', session, auth: { userId: session.userId, sessionId, scope: 'write' } };
}

/** Whether a browser sign-in still holds (pages ask this too, through the web runtime). */
export async function isSessionLive(deps: ServerDeps, session: Session, sessionId: string): Promise<boolean> {
  const cache = credentialCacheFor(deps);
  let state = cache.sessionState(sessionId);
  if (!state) {
    state = (await isSignInLive(deps.prisma, session, sessionId)) ? 'live' : 'revoked';
    cache.rememberSession(sessionId, state);
    if (state === 'live') background(deps, touchSignIn(deps.prisma, sessionId));
  }
  return state === 'live';
}

async function resolveApiToken(deps: ServerDeps, token: string): Promise<Resolution> {
  const cache = credentialCacheFor(deps);
  const hash = hashApiToken(token);
  let holder = cache.token<TokenHolder>(hash);
  if (!holder) {
    holder = (await findLiveApiToken(deps.prisma, hash)) ?? undefined;
    if (!holder) return { kind: 'refused' };
    cache.rememberToken(hash, holder);
    background(deps, touchApiToken(deps.prisma, holder.id));
  }
  // A cached row may have passed its expiry since.
  if (holder.expiresAt && holder.expiresAt <= new Date()) return { kind: 'refused' };
  return {
    kind: 'ok',
    session: { userId: holder.userId, name: holder.user.name, email: holder.user.email },
    auth: { userId: holder.userId, tokenId: holder.id, scope: holder.scope },
  };
}

/** "Last seen" bookkeeping must never fail or slow the call it rides on. */
function background(deps: ServerDeps, work: Promise<unknown>) {
  work.catch((err: unknown) => deps.logger.warn({ err }, 'could not record when a credential was last used'));
}
