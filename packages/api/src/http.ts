import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { ServerDeps } from './context';
import { createContextFactory } from './create-context';
import { isAppError } from './errors';
import { capRequestBody } from './http-body-cap';
import { MAX_BATCH_SIZE } from './limits/table';
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
      // One request must not run hundreds of calls (passwords to try, sends to queue): a larger batch
      // is refused whole with BAD_REQUEST before any call runs.
      maxBatchSize: MAX_BATCH_SIZE,
      responseMeta({ errors }) {
        const retryAfterMs = Math.max(0, ...errors.map(retryAfterMsOf));
        return retryAfterMs > 0 ? { headers: { 'Retry-After': String(Math.ceil(retryAfterMs / 1000)) } } : {};
      },
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          deps.logger.error({ path, err: error.cause ?? error }, 'procedure failed');
      },
    });
  };
}

/** The wait a limited call asks for (limits/limiter.ts), 0 for any other error. */
function retryAfterMsOf(error: { cause?: unknown }): number {
  return isAppError(error.cause) ? (error.cause.retryAfterMs ?? 0) : 0;
}
