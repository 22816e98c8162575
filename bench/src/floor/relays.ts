import { fileURLToPath } from 'node:url';
import { type ServerProcess, spawnServer } from '@spotter/test-support';

const RELAY = fileURLToPath(new URL('./relay-server.ts', import.meta.url));
const START_TIMEOUT_MS = 30_000;

export type Relay = { pid: number; port: number; url: string; process: ServerProcess };

/**
 * Starts one floor relay process on a free port; resolves once it listens. `nodeOptions` reach
 * its NODE_OPTIONS (the idle-memory figure opens an inspector on it).
 */
export async function startRelay(redisUrl: string, nodeOptions?: string): Promise<Relay> {
  const env: Record<string, string> = { REDIS_URL: redisUrl };
  if (nodeOptions) env.NODE_OPTIONS = nodeOptions;
  // BENCH_RELAY_NODE_ARGS profiles the relays as BENCH_REPLICA_NODE_ARGS does the replicas.
  const nodeArgs = process.env.BENCH_RELAY_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const relay = spawnServer(process.execPath, [...nodeArgs, '--import', 'tsx', RELAY], {
    env,
    graceMs: 2_000,
  });
  try {
    const port = await relay.untilOutput(listeningPort, 'relay "listening" line', START_TIMEOUT_MS);
    return { pid: relay.pid, port, url: `ws://127.0.0.1:${port}/`, process: relay };
  } catch (error) {
    await relay.stop('SIGKILL');
    throw new Error(`floor relay: ${(error as Error).message}\n${relay.output()}`);
  }
}

function listeningPort(output: string): number | undefined {
  const match = /\{"listening":(\d+)\}/.exec(output);
  return match ? Number(match[1]) : undefined;
}
