import type { CreateWSSContextFnOptions } from '@trpc/server/adapters/ws';
import { bearerToken, sessionFromToken, sessionTokenFromCookieHeader } from './auth/session-token';
import type { Context, ServerDeps } from './context';

/**
 * The one context factory both servers use. HTTP requests authenticate from the next-auth
 * cookie or a bearer token; WebSocket connections from the upgrade request's cookie or, for
 * non-browser clients, `connectionParams.token`. Decoding happens once per request/connection.
 */
export function createContextFactory(deps: ServerDeps) {
  return {
    async fromRequest(req: Request): Promise<Context> {
      const token =
        bearerToken(req.headers.get('authorization')) ??
        sessionTokenFromCookieHeader(req.headers.get('cookie'));
      const session = token ? await sessionFromToken(token, deps.authSecret) : null;
      return { ...deps, session };
    },
    async fromWebSocket({ req, info }: CreateWSSContextFnOptions): Promise<Context> {
      const paramToken = info.connectionParams?.token;
      const token = paramToken ?? sessionTokenFromCookieHeader(req.headers.cookie);
      const session = token ? await sessionFromToken(token, deps.authSecret) : null;
      return { ...deps, session };
    },
  };
}
