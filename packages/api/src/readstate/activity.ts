import { createListener } from '../bus/listener';
import type { ServerDeps } from '../context';
import { metrics } from '../metrics';
import { type HubMembership, streamHubFor } from '../streams/hub';
import { streamIds } from '../streams/stream-ids';

/** Something changed the unread counts of a conversation: reread its read state. */
export type Activity = { channelId: string; seq: number };

/** A tab this far behind loses the oldest hints: any one of them triggers the same reread. */
const MAX_QUEUED = 64;

const subscriptions = metrics.activeSubscriptions.labels('readState.onActivity');

/**
 * Message activity in every conversation the user is in as it starts, so the sidebar's counts move
 * live without following each conversation's stream from the client. Ephemeral hints, never replayed
 * (a reconnecting client rereads the list anyway): the counts themselves come from readState.list.
 * Served by the process's stream hub, so a conversation costs one bus subscription per process
 * however many of its members are connected there. The client resubscribes when its list changes.
 */
export async function followActivity(deps: ServerDeps, input: { userId: string; signal: AbortSignal }) {
  const listener = createListener<Activity>({
    signal: input.signal,
    maxQueued: MAX_QUEUED,
    onEnd: () => {},
    onOverflow: () => {},
  });
  const channels = await deps.prisma.membership.findMany({
    where: { userId: input.userId },
    select: { channelId: true },
  });
  const hub = streamHubFor(deps);
  const joined: HubMembership[] = [];
  const leaveAll = () => {
    for (const membership of joined.splice(0)) membership.leave();
  };
  try {
    for (const { channelId } of channels) {
      joined.push(
        await hub.join(streamIds.channel(channelId), {
          push(event) {
            // Reactions change no count: no reread of every member's list on each one.
            if (!('message' in event) || event.type === 'message.reacted') return;
            // The reader's own messages never count; an edit of one can still mention them.
            if (event.type !== 'message.edited' && event.message.authorId === input.userId) return;
            listener.push({ channelId, seq: event.seq });
          },
          hubClosed: () => listener.end(),
        }),
      );
    }
  } catch (error) {
    leaveAll();
    throw error;
  }
  void listener.ended.then(leaveAll);

  return (async function* () {
    subscriptions.inc();
    try {
      yield* listener.iterable;
    } finally {
      subscriptions.dec();
      listener.end();
    }
  })();
}
