import { publishSafely } from '../bus/publish-safely';
import { topics } from '../bus/topics';
import type { EventBus } from '../bus/types';
import type { Logger } from '../logger';
import type { StreamEvent } from './events';

/** A stream's events appended by one transaction, to publish once it has committed. */
export type Appended = { streamId: string; events: StreamEvent[] };

/**
 * Publishes committed events, in seq order per stream. Never call it inside the transaction: a
 * subscriber could be told of an event that then rolls back. A failed publish loses nothing:
 * readers fill the gap from the database.
 */
export async function publishEvents(deps: { bus: EventBus; logger: Logger }, appended: Appended[]) {
  for (const { streamId, events } of appended) {
    for (const event of events) await publishSafely(deps, topics.stream(streamId), { streamId, event });
  }
}
