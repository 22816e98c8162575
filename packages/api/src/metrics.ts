import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * A set of Spotter's Prometheus metrics in a registry of its own. The process has one (`metrics`,
 * below); a test that runs several buses in one process gives each its own set to count apart.
 * Everything here is counted once per event or per subscription, never per byte.
 */
export function createMetrics() {
  const registry = new Registry();
  const register = [registry];
  // Counted once per subscriber per event, the hottest count there is: kept as a plain number and
  // added to the counter when the registry is read, as prom-client hashes the labels on every inc.
  let deliveriesNotCollected = 0;
  return {
    countDelivered: () => {
      deliveriesNotCollected++;
    },
    registry,
    eventsPublished: new Counter({
      name: 'spotter_events_published_total',
      help: 'Payloads the bus accepted (to Redis, or to local listeners in memory).',
      labelNames: ['kind'] as const,
      registers: register,
    }),
    publishFailures: new Counter({
      name: 'spotter_publish_failures_total',
      help: 'Publishes the bus rejected; subscribers recover those events from the database.',
      registers: register,
    }),
    busReceived: new Counter({
      name: 'spotter_bus_received_total',
      help: 'Bus messages that arrived for a topic with local listeners (once per message per process).',
      registers: register,
    }),
    busDropped: new Counter({
      name: 'spotter_bus_dropped_total',
      help: 'Bus messages not delivered: undecodable, shed by a listener too far behind, or unsent past the re-send bound.',
      labelNames: ['reason'] as const,
      registers: register,
    }),
    eventsDelivered: new Counter({
      name: 'spotter_events_delivered_total',
      help: 'Events yielded to subscribers (one per subscriber per event).',
      labelNames: ['kind'] as const,
      registers: register,
      collect() {
        if (deliveriesNotCollected === 0) return;
        this.inc({ kind: 'stream' }, deliveriesNotCollected);
        deliveriesNotCollected = 0;
      },
    }),
    gapFills: new Counter({
      name: 'spotter_gap_fills_total',
      help: 'Times a subscription read missed messages from the database (lost publish, outage, resume).',
      labelNames: ['reason'] as const,
      registers: register,
    }),
    gapFilledMessages: new Counter({
      name: 'spotter_gap_filled_messages_total',
      help: 'Messages delivered from the database instead of the bus.',
      registers: register,
    }),
    connections: new Gauge({
      name: 'spotter_ws_connections',
      help: 'WebSocket connections currently open on this process.',
      registers: register,
    }),
    activeSubscriptions: new Gauge({
      name: 'spotter_subscriptions_active',
      help: 'Subscriptions currently open on this process.',
      labelNames: ['procedure'] as const,
      registers: register,
    }),
    cacheHits: new Counter({
      name: 'spotter_cache_hits_total',
      help: 'Cache reads answered from memory or Redis, per namespace.',
      labelNames: ['namespace'] as const,
      registers: register,
    }),
    cacheMisses: new Counter({
      name: 'spotter_cache_misses_total',
      help: 'Cache reads that loaded from the database and stored the value, per namespace.',
      labelNames: ['namespace'] as const,
      registers: register,
    }),
    cacheBypassed: new Counter({
      name: 'spotter_cache_bypassed_total',
      help: 'Cache reads sent straight to the database because Redis could not answer, per namespace.',
      labelNames: ['namespace'] as const,
      registers: register,
    }),
    cacheInvalidations: new Counter({
      name: 'spotter_cache_invalidations_total',
      help: 'Keys invalidated after a write (result "failed": Redis unreachable, retried when it is back).',
      labelNames: ['namespace', 'result'] as const,
      registers: register,
    }),
    fanoutLatency: new Histogram({
      name: 'spotter_fanout_latency_seconds',
      help: 'From publish on any replica to arrival on this one (once per event per process).',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: register,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** The process's metrics, on `globalThis`: Next.js may load this package as several module copies in one process, and two registries would each see half the traffic. */
const metricsKey = Symbol.for('spotter.metrics');

const processGlobal = globalThis as { [metricsKey]?: Metrics };
processGlobal[metricsKey] ??= createMetrics();

export const metrics: Metrics = processGlobal[metricsKey];

/**
 * Adds the Node.js process's own metrics (prom-client's defaults) to the process registry: CPU, heap,
 * garbage collection and the event loop's delay (`nodejs_eventloop_lag_p99_seconds`, since the last
 * scrape). A server calls it once at start; a slow answer with a quiet CPU and a delayed loop points
 * at a long task, and one with a prompt loop at something the server waits on (the database).
 */
export function collectProcessMetrics() {
  // The loop is sampled every 10 ms (prom-client's default, named here: the bench subtracts it).
  collectDefaultMetrics({ register: metrics.registry, eventLoopMonitoringPrecision: 10 });
}
