import type { ServerDeps } from '../context';
import { isAppError } from '../errors';
import { followStream } from '../streams/follow';
import { streamHubFor } from '../streams/hub';
import { streamIds } from '../streams/stream-ids';
import { requireSessionMember } from './access';

/**
 * A member's live view of a session — members coming and going, every member's sets as they are
 * logged — resumable by seq exactly like a channel's. Access is checked before the first item and
 * again after an event that may have changed it (this member leaving, or a `reset` that may skip one);
 * the view ends once the member has left.
 */
export async function followSession(
  deps: ServerDeps,
  input: { userId: string; sessionId: string; after: number | null; signal: AbortSignal },
) {
  await requireSessionMember(deps.prisma, input.userId, input.sessionId);
  return followStream({
    prisma: deps.prisma,
    hub: streamHubFor(deps),
    streamId: streamIds.session(input.sessionId),
    after: input.after,
    signal: input.signal,
    gate: {
      mustCheck: (item) =>
        (item.type === 'session.member' && item.member.id === input.userId && item.status === 'LEFT') ||
        item.type === 'reset',
      allows: () =>
        requireSessionMember(deps.prisma, input.userId, input.sessionId).then(
          () => true,
          (error: unknown) => {
            if (isAppError(error)) return false;
            throw error;
          },
        ),
    },
  });
}
