import { openInspector } from './inspector';
import { cpuMicros, rssKb } from './proc';

export type IdleMemory = {
  server: string;
  connections: number;
  rssKbPerConnection: number;
  heapKbPerConnection: number;
};

const SETTLE_MS = 500;
const MAX_SETTLE_TRIES = 20;
/** Below this share of one core between two readings, the server is idle (timers, keep-alive). */
const IDLE_CPU_SHARE = 0.05;
/** How long new connections may keep the server busy (replaying their first events) before it counts. */
const MAX_BUSY_MS = 60_000;

/**
 * The memory an idle connection costs a server: RSS and V8 heap before and after `connect(n)`, each
 * read after a full garbage collection (forced through the inspector) and a moment's settling, so
 * what remains is what the connections hold, not the garbage their handshakes left.
 */
export async function measureIdleMemory(options: {
  server: string;
  pid: number;
  inspectorPort: number;
  connections: number;
  /** Opens n idle connections (one subscription each) and resolves once every subscription started. */
  connect(n: number): Promise<{ close(): void }>;
}): Promise<IdleMemory> {
  const inspector = await openInspector(options.inspectorPort);
  const collect = async () => {
    await inspector.call('HeapProfiler.collectGarbage');
    await inspector.call('HeapProfiler.collectGarbage');
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const { usedSize } = await inspector.call<{ usedSize: number }>('Runtime.getHeapUsage');
    return { rss: rssKb(options.pid), heapKb: usedSize / 1024 };
  };
  const isClose = (a: number, b: number) => Math.abs(a - b) <= Math.abs(b) * 0.01;
  // After a GC the RSS keeps falling for a while (V8 and malloc hand pages back lazily, and a fresh
  // process drops the garbage of loading its code), and the heap while work is still draining:
  // read until two readings of both agree within 1%.
  const settled = async () => {
    let reading = await collect();
    for (let tries = 0; tries < MAX_SETTLE_TRIES; tries++) {
      const next = await collect();
      const isStable = isClose(next.rss, reading.rss) && isClose(next.heapKb, reading.heapKb);
      reading = next;
      if (isStable) break;
    }
    return reading;
  };
  // Connections are idle only once the server has nothing left to send them: a subscription starts
  // with a replay of recent events, and measuring while those frames are still being written counted
  // them as the connections' own (15.5 KB per connection instead of 11.5 thirty seconds later).
  const untilIdle = async () => {
    const startedAt = Date.now();
    let cpu = cpuMicros(options.pid) ?? 0;
    while (Date.now() - startedAt < MAX_BUSY_MS) {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const next = cpuMicros(options.pid) ?? 0;
      const share = (next - cpu) / (SETTLE_MS * 1000);
      cpu = next;
      if (share < IDLE_CPU_SHARE) return;
    }
  };
  try {
    // A fresh server loads and compiles its connection and subscription code on first use: one
    // small round first, so the baseline already holds that and only the connections differ.
    const warmUp = await options.connect(Math.max(1, Math.ceil(options.connections / 10)));
    warmUp.close();
    const before = await settled();
    const clients = await options.connect(options.connections);
    await untilIdle();
    const after = await settled();
    clients.close();
    return {
      server: options.server,
      connections: options.connections,
      rssKbPerConnection: (after.rss - before.rss) / options.connections,
      heapKbPerConnection: (after.heapKb - before.heapKb) / options.connections,
    };
  } finally {
    inspector.close();
  }
}
