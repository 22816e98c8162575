import type { Logger } from '../logger';
import type { Topic, TopicKind, TopicPayload } from './topics';
import type { EventBus } from './types';

/**
 * Publishes; a failure is logged, never thrown. Durable events were committed first and
 * readers recover them from the database, so the caller's request stands; ephemeral ones (typing)
 * are simply lost, as they would be a second later anyway.
 */
export async function publishSafely<K extends TopicKind>(
  deps: { bus: EventBus; logger: Logger },
  topic: Topic<K>,
  payload: TopicPayload<K>,
): Promise<void> {
  try {
    await deps.bus.publish(topic, payload);
  } catch (error) {
    // The bus counts the failure (spotter_publish_failures_total). Debug level: during a Redis outage every send fails here; the bus logs the outage once.
    deps.logger.debug(
      { topic: topic.name, err: (error as Error).message },
      'publish failed; readers will fill the gap',
    );
  }
}
