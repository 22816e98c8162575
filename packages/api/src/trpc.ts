import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError, z } from 'zod';
import type { Context } from './context';
import { isDatabaseUnavailable } from './services/database-errors';

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // One formatter for every procedure: zod issues arrive flattened, ready for a form to show.
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
    return { ...shape, data: { ...shape.data, zodError } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** A database outage answers SERVICE_UNAVAILABLE (retry later), never a vague internal error. */
const databaseAvailable = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDatabaseUnavailable(result.error.cause ?? result.error)) {
    throw new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'The database is unreachable right now. Nothing was saved; please try again in a moment.',
      cause: result.error,
    });
  }
  return result;
});

export const publicProcedure = t.procedure.use(databaseAvailable);

const isAuthed = t.middleware(({ ctx, next }) => {
  if (!ctx.session) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to use Spotter.' });
  }
  return next({ ctx: { ...ctx, session: ctx.session } });
});

export const protectedProcedure = publicProcedure.use(isAuthed);
