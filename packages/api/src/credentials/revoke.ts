import { publishSafely } from '../bus/publish-safely';
import { topics } from '../bus/topics';
import type { ServerDeps } from '../context';
import { credentialCacheFor } from './cache';

/**
 * Announces credentials already revoked in the database: this replica marks them at once (even if
 * the bus is down), every replica hears it on the bus, forgets them and closes their sockets.
 */
export async function announceRevoked(
  deps: ServerDeps,
  revoked: { userId: string; sessionIds?: string[]; tokenIds?: string[] },
): Promise<void> {
  const payload = {
    userId: revoked.userId,
    sessionIds: revoked.sessionIds ?? [],
    tokenIds: revoked.tokenIds ?? [],
  };
  if (payload.sessionIds.length === 0 && payload.tokenIds.length === 0) return;
  credentialCacheFor(deps).apply(payload);
  await publishSafely(deps, topics.credentialsRevoked(), payload);
}
