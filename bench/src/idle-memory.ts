import { openInspector } from './inspector';
import { rssKb } from './proc';

export type IdleMemory = {
  server: string;
  connections: number;
  rssKbPerConnection: number;
  heapKbPerConnection: number;
};

const SETTLE_MS = 500;
const MAX_SETTLE_TRIES = 20;

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
    return rssKb(options.pid);
  };
  // After a GC the RSS keeps falling for a while (V8 and malloc hand pages back lazily, and a fresh
  // process drops the garbage of loading its code): read until two readings agree within 1%.
  const settled = async () => {
    let rss = await collect();
    for (let tries = 0; tries < MAX_SETTLE_TRIES; tries++) {
      const next = await collect();
      const isStable = Math.abs(next - rss) <= rss * 0.01;
      rss = next;
      if (isStable) break;
    }
    const { usedSize } = await inspector.call<{ usedSize: number }>('Runtime.getHeapUsage');
    return { rss, heapKb: usedSize / 1024 };
  };
  try {
    // A fresh server loads and compiles its connection and subscription code on first use: one
    // small round first, so the baseline already holds that and only the connections differ.
    const warmUp = await options.connect(Math.max(1, Math.ceil(options.connections / 10)));
    warmUp.close();
    const before = await settled();
    const clients = await options.connect(options.connections);
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
