import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError, z } from 'zod';
import type { Context } from './context';
import { databaseTrouble, isInvalidValue } from './database-errors';
import { isAppError, isUniqueViolation } from './errors';
import { limitSubject } from './limits/subject';
import type { LimitName } from './limits/table';

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // One formatter for every procedure: zod issues arrive flattened, ready for a form to show.
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
    // A limited call says when to retry: clients wait that long, the UI says so.
    const retryAfterMs = isAppError(error.cause) ? (error.cause.retryAfterMs ?? null) : null;
    return { ...shape, data: { ...shape.data, zodError, ...(retryAfterMs !== null && { retryAfterMs }) } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * The one place where failures become tRPC codes: services throw coded AppErrors; a unique
 * violation that a service did not expect is a conflict; a database outage answers
 * SERVICE_UNAVAILABLE (retry later, nothing was saved), never a vague internal error.
 */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause ?? result.error;
  if (isAppError(cause)) throw new TRPCError({ code: cause.code, message: cause.message, cause });
  const trouble = databaseTrouble(cause);
  if (trouble) {
    const message =
      trouble === 'busy'
        ? 'The server is too busy right now. Nothing was saved; please try again in a moment.'
        : 'The database is unreachable right now. Nothing was saved; please try again in a moment.';
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message, cause });
  }
  if (isUniqueViolation(cause)) {
    throw new TRPCError({ code: 'CONFLICT', message: 'That already exists.', cause });
  }
  if (isInvalidValue(cause)) {
    const message =
      'A value in the request cannot be stored (e.g. a NUL character, or a number out of range).';
    throw new TRPCError({ code: 'BAD_REQUEST', message, cause });
  }
  if (result.error.code === 'INTERNAL_SERVER_ERROR') {
    // A bug or an error nobody mapped: its text (a SQL error, a file path) is for the log, which
    // the adapters' onError writes with the cause, not for the client.
    throw new TRPCError({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Something went wrong on our side. Please try again; if it keeps happening, tell us.',
      cause,
    });
  }
  return result;
});

/** A read-only API token may query and subscribe; any mutation is refused before it runs. */
const honoursTokenScope = t.middleware(({ ctx, type, next }) => {
  if (type === 'mutation' && ctx.auth?.scope === 'read') {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'This token may only read. Create a write token to change things.',
    });
  }
  return next();
});

export const publicProcedure = t.procedure.use(mapErrors).use(honoursTokenScope);

const isAuthed = t.middleware(({ ctx, next }) => {
  if (!ctx.session) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to use Spotter.' });
  }
  // tRPC merges this into the context itself: only the narrowed session is passed, not a copy of all.
  return next({ ctx: { session: ctx.session } });
});

export const protectedProcedure = publicProcedure.use(isAuthed);

/**
 * Spends one point of the limit `name` (limits/table.ts) before the procedure runs. The key is the
 * caller's API token when there is one (each token its own allowance), else the user, else the
 * client's address; `scopeOf` narrows it to part of the (parsed) input, such as the channel.
 */
export function rateLimited<TInput = unknown>(name: LimitName, scopeOf?: (input: TInput) => string) {
  return t.middleware(async ({ ctx, input, next }) => {
    const subject = limitSubject(ctx);
    await ctx.limits.consume(name, scopeOf ? `${subject}:${scopeOf(input as TInput)}` : subject);
    return next();
  });
}

/** Like rateLimited, always counted by the client's address (sign-up: the caller has no account yet). */
export function rateLimitedByAddress(name: LimitName) {
  return t.middleware(async ({ ctx, next }) => {
    await ctx.limits.consume(name, `ip:${ctx.clientIp ?? 'unknown'}`);
    return next();
  });
}
