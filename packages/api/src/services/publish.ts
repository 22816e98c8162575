import type { Topic, TopicKind, TopicPayload } from '../bus/topics';
import type { EventBus } from '../bus/types';
import type { Logger } from '../logger';
import { metrics } from '../metrics';

/**
 * Publishes after a commit. A failure is logged, never thrown: the write already succeeded and
 * subscribers recover the event from the database (gap fill), so the caller's request stands.
 */
export async function publishAfterCommit<K extends TopicKind>(
  deps: { bus: EventBus; logger: Logger },
  topic: Topic<K>,
  payload: TopicPayload<K>,
): Promise<void> {
  try {
    await deps.bus.publish(topic, payload);
    metrics.eventsPublished.inc({ kind: topic.kind });
  } catch (error) {
    metrics.publishFailures.inc();
    // Debug level: during a Redis outage every send fails here; the bus logs the outage once.
    deps.logger.debug(
      { topic: topic.name, err: (error as Error).message },
      'publish failed; readers will fill the gap',
    );
  }
}
