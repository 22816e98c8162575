import type { Database } from '@spotter/db';
import type { Session } from '../context';
import { isAppError } from '../errors';
import type { Limits } from '../limits/limiter';
import { authenticate } from './user-service';

/**
 * Checks a password within the sign-in limits (next-auth's sign-in comes here): every attempt spends from the client address' allowance; failures spend from the account's,
 * and a success gives the account its allowance back, so a guesser locks out only the guessing. Throws
 * TOO_MANY_REQUESTS before the password is even checked once either is spent.
 */
export async function signInWithinLimits(
  deps: { prisma: Database; limits: Limits },
  credentials: { email: string; password: string },
  clientIp: string | null | undefined,
): Promise<Session | null> {
  const account = credentials.email.trim().toLowerCase();
  await deps.limits.consume('signInIp', clientIp ?? 'unknown');
  await deps.limits.refuseIfSpent('signInAccount', account);
  const session = await authenticate(deps.prisma, credentials);
  if (session) {
    await deps.limits.reset('signInAccount', account);
    return session;
  }
  await deps.limits.consume('signInAccount', account).catch((error: unknown) => {
    // A concurrent failure spent the last point first: this attempt failed anyway.
    if (!isAppError(error)) throw error;
  });
  return null;
}
