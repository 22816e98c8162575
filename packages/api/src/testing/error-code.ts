import { TRPCError } from '@trpc/server';

/** The tRPC error code a call fails with, or 'no error': one assertion per bad input. */
export function errorCode(call: Promise<unknown>): Promise<string> {
  return call.then(
    () => 'no error',
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );
}
