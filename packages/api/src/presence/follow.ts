import { createListener } from '../bus/listener';
import type { PresenceChange } from '../bus/topics';
import type { ServerDeps } from '../context';
import { metrics } from '../metrics';
import { type HubMembership, type HubSubscriber, streamHubFor } from '../streams/hub';
import { streamIds } from '../streams/stream-ids';
import { presenceAudience } from './audience';
import { presenceFor } from './service';
import type { PresenceStatus } from './status';

export type PresenceItem =
  | { type: 'snapshot'; statuses: Record<string, PresenceStatus> }
  | { type: 'change'; userId: string; status: PresenceStatus };

/** After the bus recovers, replicas re-register (at once on reconnect, at worst at their next heartbeat); read the truth after that. */
const RESYNC_AFTER_OUTAGE_MS = [3_000, 10_000];

const subscriptions = metrics.activeSubscriptions.labels('presence.onChange');
/** Personal-stream events that can change whom a user may see. */
const AUDIENCE_EVENTS = new Set(['relationship.changed', 'channel.added', 'channel.removed']);

/**
 * The presence of everyone `userId` may see: a snapshot, then each change. Ephemeral and untracked:
 * a reconnect starts with a new snapshot. The audience is re-read when the personal stream says a
 * friendship, a block or a conversation changed: a newly blocked person turns "offline" at once.
 */
export async function followPresence(deps: ServerDeps, input: { userId: string; signal: AbortSignal }) {
  const { watchers, store } = presenceFor(deps);
  const shown = new Map<string, PresenceStatus>();
  const unwatch = new Map<string, () => void>();
  let isSnapshotSent = false;
  const out = createListener<PresenceItem>({
    signal: input.signal,
    maxQueued: 10_000,
    onEnd: () => cleanup(),
    onOverflow: () => {},
  });

  const show = (userId: string, status: PresenceStatus) => {
    if (!unwatch.has(userId) || shown.get(userId) === status) return;
    shown.set(userId, status);
    if (isSnapshotSent) out.push({ type: 'change', userId, status });
  };
  const onChange = (change: PresenceChange) => show(change.userId, change.status);

  /** Follows the audience as it is now; people who left it are shown offline. */
  const follow = async () => {
    const audience = new Set(await presenceAudience(deps.prisma, input.userId));
    for (const [userId, stop] of unwatch) {
      if (audience.has(userId)) continue;
      stop();
      unwatch.delete(userId);
      if (shown.get(userId) !== 'offline') out.push({ type: 'change', userId, status: 'offline' });
      shown.delete(userId);
    }
    const added = [...audience].filter((id) => !unwatch.has(id));
    await Promise.all(
      added.map(async (userId) => {
        const stop = await watchers.watch(userId, onChange);
        if (out.isEnded) return stop();
        unwatch.set(userId, stop);
      }),
    );
    await resync(added);
  };

  /** Reads what is shown now (subscribed first, so no change falls between the read and the live feed). */
  const resync = async (userIds: readonly string[]) => {
    for (const [userId, status] of await store.shown(userIds)) show(userId, status);
  };

  let refollowing: Promise<void> | null = null;
  const refollow = () => {
    refollowing = (refollowing ?? Promise.resolve()).then(follow).catch((err: Error) => {
      deps.logger.debug({ err: err.message }, 'presence audience refresh failed');
    });
  };
  const watcher: HubSubscriber = {
    push(event) {
      if (AUDIENCE_EVENTS.has(event.type)) refollow();
    },
    hubClosed: () => out.end(),
  };
  const timers = new Set<NodeJS.Timeout>();
  const stopOnLive = deps.bus.onLive(() => {
    for (const delay of RESYNC_AFTER_OUTAGE_MS) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resync([...unwatch.keys()]).catch(() => {});
      }, delay);
      timers.add(timer);
    }
  });
  let membership: HubMembership | null = null;
  function cleanup() {
    membership?.leave();
    stopOnLive();
    for (const timer of timers) clearTimeout(timer);
    for (const stop of unwatch.values()) stop();
    unwatch.clear();
  }
  membership = await streamHubFor(deps).join(streamIds.user(input.userId), watcher);
  // Ended before or while joining (the socket closed): cleanup ran without the membership, or
  // not at all (a signal aborted at the start never calls onEnd). Cleaning up twice is harmless.
  if (out.isEnded) cleanup();
  try {
    await follow();
  } catch (err) {
    out.end();
    throw err;
  }
  isSnapshotSent = true;
  out.push({ type: 'snapshot', statuses: Object.fromEntries(shown) });
  return (async function* () {
    subscriptions.inc();
    try {
      yield* out.iterable;
    } finally {
      subscriptions.dec();
      out.end();
    }
  })();
}
