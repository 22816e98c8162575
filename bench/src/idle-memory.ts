import { openInspector } from './inspector';
import { rssKb } from './proc';

export type IdleMemory = {
  server: string;
  connections: number;
  rssKbPerConnection: number;
  heapKbPerConnection: number;
};

const SETTLE_MS = 1_000;

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
  const settled = async () => {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    await inspector.call('HeapProfiler.collectGarbage');
    await inspector.call('HeapProfiler.collectGarbage');
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS / 2));
    const { usedSize } = await inspector.call<{ usedSize: number }>('Runtime.getHeapUsage');
    return { rss: rssKb(options.pid), heapKb: usedSize / 1024 };
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
