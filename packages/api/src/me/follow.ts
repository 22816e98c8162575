import type { ServerDeps } from '../context';
import { followStream } from '../streams/follow';
import { streamHubFor } from '../streams/hub';
import { streamIds } from '../streams/stream-ids';

/** A user's own stream, on any of their devices: each item tracked by its seq. */
export function followUser(
  deps: ServerDeps,
  input: { userId: string; after: number | null; signal: AbortSignal },
) {
  return followStream({
    prisma: deps.prisma,
    hub: streamHubFor(deps),
    streamId: streamIds.user(input.userId),
    after: input.after,
    signal: input.signal,
  });
}
