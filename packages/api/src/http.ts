import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { ServerDeps } from './context';
import { createContextFactory } from './create-context';
import { capRequestBody } from './http-body-cap';
import { appRouter } from './root';

/**
 * The tRPC HTTP endpoint as a fetch handler: Next's route handler calls it, and so can any
 * server that speaks Request/Response. Bodies are capped (see capRequestBody). `endpoint` is the path prefix the router is mounted at.
 */
export function createHttpHandler(deps: ServerDeps, endpoint = '/api/trpc') {
  const contexts = createContextFactory(deps);
  return async (incoming: Request): Promise<Response> => {
    const req = await capRequestBody(incoming);
    if (req instanceof Response) return req;
    return fetchRequestHandler({
      endpoint,
      req,
      router: appRouter,
      createContext: () => contexts.fromRequest(req),
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          deps.logger.error({ path, err: error.cause ?? error }, 'procedure failed');
      },
    });
  };
}
