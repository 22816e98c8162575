import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import type { CreateWSSContextFnOptions } from '@trpc/server/adapters/ws';
import { bearerToken, sessionTokenFromCookieHeader } from './auth/session-token';
import type { Context, ServerDeps } from './context';
import { resolveCredential } from './credentials/resolve';
import { CLIENT_IP_HEADER } from './limits/client-ip';

/**
 * The one context factory both servers use. HTTP requests authenticate from the next-auth
 * cookie or a bearer token; WebSocket connections from `connectionParams.token` or, for
 * browsers (an upgrade with an Origin header), the upgrade request's cookie. Revocation is checked
 * here, once per request/connection; open sockets of a revoked credential are closed by the
 * WebSocket endpoint when the revocation is announced. The client's address comes from the header
 * the accepting server stamped (limits/client-ip.ts).
 */
export function createContextFactory(deps: ServerDeps) {
  return {
    async fromRequest(req: Request): Promise<Context> {
      const bearer = bearerToken(req.headers.get('authorization'));
      const context = await contextFor(deps, bearer, sessionTokenFromCookieHeader(req.headers.get('cookie')));
      return { ...context, clientIp: req.headers.get(CLIENT_IP_HEADER) };
    },
    async fromWebSocket({ req, info }: CreateWSSContextFnOptions): Promise<Context> {
      // Only browsers send Origin, and the endpoint has checked it. An upgrade without one comes
      // from a program, which authenticates with its token: honouring a cookie there would let any
      // client that got hold of a cookie skip the Origin check by leaving the header out.
      const cookieToken =
        req.headers.origin === undefined ? null : sessionTokenFromCookieHeader(req.headers.cookie);
      const context = await contextFor(deps, info.connectionParams?.token ?? null, cookieToken);
      const clientIp = req.headers[CLIENT_IP_HEADER];
      return {
        ...context,
        connectionId: randomUUID(),
        clientIp: typeof clientIp === 'string' ? clientIp : null,
      };
    },
  };
}

/**
 * A program's revoked or expired token fails every call with UNAUTHORIZED, so it learns at once. A
 * browser's revoked cookie only makes it anonymous: the sign-in and sign-up pages must keep working
 * with that stale cookie until the next sign-in replaces it.
 */
async function contextFor(deps: ServerDeps, token: string | null, cookie: string | null): Promise<Context> {
  const resolved = await resolveCredential(deps, token ?? cookie);
  if (resolved.kind === 'ok') return { ...deps, session: resolved.session, auth: resolved.auth };
  if (resolved.kind === 'refused' && token)
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'This token was revoked or has expired.' });
  return { ...deps, session: null, auth: null };
}
