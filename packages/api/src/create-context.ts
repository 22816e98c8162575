import type { CreateWSSContextFnOptions } from '@trpc/server/adapters/ws';
import { bearerToken, sessionFromToken, sessionTokenFromCookieHeader } from './auth/session-token';
import type { Context, ServerDeps } from './context';
import { CLIENT_IP_HEADER } from './limits/client-ip';

/**
 * The one context factory both servers use. HTTP requests authenticate from the next-auth
 * cookie or a bearer token; WebSocket connections from `connectionParams.token` or, for
 * browsers (an upgrade with an Origin header), the upgrade request's cookie.
 * Decoding happens once per request/connection. The client's address comes from the header the
 * accepting server stamped (limits/client-ip.ts).
 */
export function createContextFactory(deps: ServerDeps) {
  return {
    async fromRequest(req: Request): Promise<Context> {
      const token =
        bearerToken(req.headers.get('authorization')) ??
        sessionTokenFromCookieHeader(req.headers.get('cookie'));
      const session = token ? await sessionFromToken(token, deps.authSecret) : null;
      return { ...deps, session, clientIp: req.headers.get(CLIENT_IP_HEADER) };
    },
    async fromWebSocket({ req, info }: CreateWSSContextFnOptions): Promise<Context> {
      // Only browsers send Origin, and the endpoint has checked it. An upgrade without one comes
      // from a program, which authenticates with its token: honouring a cookie there would let any
      // client that got hold of a cookie skip the Origin check by leaving the header out.
      const cookieToken =
        req.headers.origin === undefined ? null : sessionTokenFromCookieHeader(req.headers.cookie);
      const token = info.connectionParams?.token ?? cookieToken;
      const session = token ? await sessionFromToken(token, deps.authSecret) : null;
      const clientIp = req.headers[CLIENT_IP_HEADER];
      return { ...deps, session, clientIp: typeof clientIp === 'string' ? clientIp : null };
    },
  };
}
