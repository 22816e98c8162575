import type { Topic, TopicKind, TopicPayload } from './topics';

export type BusKind = 'redis' | 'memory';

export type SubscribeOptions = {
  /** Aborting ends the iterable and releases the topic (UNSUBSCRIBE after the last local listener). */
  signal: AbortSignal;
};

/**
 * The event bus every replica shares. Publishing happens only after a database commit;
 * a failed publish loses nothing because subscribers fill gaps from the database.
 */
export type EventBus = {
  readonly kind: BusKind;
  /**
   * REDIS_URL of a Redis bus, so state that lives beside it (presence) uses the same server;
   * undefined for the in-memory bus.
   */
  readonly redisUrl?: string;
  /** Sends a payload to every subscriber of the topic on every replica. Rejects when the bus is unreachable. */
  publish<K extends TopicKind>(topic: Topic<K>, payload: TopicPayload<K>): Promise<void>;
  /**
   * Resolves only once the subscription is live (for Redis: SUBSCRIBE confirmed), so anything
   * published after the promise resolves is delivered. Every local listener of a topic receives
   * the same payload object: treat it as read-only.
   */
  subscribe<K extends TopicKind>(
    topic: Topic<K>,
    options: SubscribeOptions,
  ): Promise<AsyncIterable<TopicPayload<K>>>;
  /** True while the bus can deliver (the Redis connections are up). */
  isReady(): boolean;
  /**
   * Calls `listener` each time the bus can deliver again after an outage (for Redis: once every
   * topic is re-subscribed). Whatever was published meanwhile is lost to the bus, so durable
   * readers use this to re-read from the database. Returns the function that stops the calls.
   */
  onLive(listener: () => void): () => void;
  close(): Promise<void>;
};
