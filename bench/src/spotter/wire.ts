import type { EventBus, StreamEvent } from '@spotter/api';

// How Spotter names a channel's stream and its bus topic (packages/api/src/streams/stream-ids.ts and
// bus/topics.ts), which its public entry point does not export. Should they change, the fan-out
// phase delivers nothing and the quick bench in `npm test` fails on the loss.
export const channelStreamId = (channelId: string) => `channel:${channelId}`;

/**
 * Publishes a channel's event exactly as a replica does after a commit: through Spotter's own bus
 * (its versioned envelope, one PUBLISH on the command connection).
 */
export function publishChannelEvent(bus: EventBus, channelId: string, event: StreamEvent): Promise<void> {
  const streamId = channelStreamId(channelId);
  return bus.publish({ kind: 'stream-events', name: `spotter:stream:${streamId}` }, { streamId, event });
}
