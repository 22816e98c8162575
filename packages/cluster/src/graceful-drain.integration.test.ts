import { expect, it } from 'vitest';
import { useClusterConversation } from './conversation-fixture';
import { verdictLine } from './load/verdict';

const CLIENTS = 24;
const CHANNELS = 4;
const PER_CHANNEL = 60;
const INTERVAL_MS = 50;
/** The replicas' drain budget; a drained replica must be gone well within it plus its shutdown. */
const DRAIN_TIMEOUT_MS = 5_000;
const EXIT_BOUND_MS = DRAIN_TIMEOUT_MS + 5_000;

const fixture = useClusterConversation({
  clients: CLIENTS,
  channels: CHANNELS,
  realtimeEnv: { DRAIN_TIMEOUT_MS: String(DRAIN_TIMEOUT_MS) },
});

it('a replica SIGTERMed mid-burst tells its clients to reconnect, they move to another replica, nothing is lost, and it exits 0', async () => {
  const { cluster, conversation } = fixture;
  // Chosen before the burst (nothing moves clients until the fault), so the fault lands on time.
  const before = await cluster.clientsPerReplica();
  const victim = before.indexOf(Math.max(...before));
  const replica = cluster.replicas[victim];
  if (!replica) throw new Error('no replica to drain');
  expect(before[victim], `clients per replica: ${before}`).toBeGreaterThan(0);
  const burst = conversation.burst({ perChannel: PER_CHANNEL, intervalMs: INTERVAL_MS });
  // A third into the burst by the clock of its sends, not its acks: a loaded machine acks late.
  await conversation.untilStarted(CHANNELS * (1 + PER_CHANNEL / 3));

  conversation.markFault();
  const exit = await bounded(replica.stop('SIGTERM'), EXIT_BOUND_MS, 'the drained replica to exit');
  expect(exit.code).toBe(0);
  // Every client left by itself after the notification; none had to be cut off at the deadline.
  expect(stoppedLine(exit.output)).toMatchObject({ closedWhileConnected: 0 });
  await burst;
  await conversation.untilDelivered();

  const verdict = conversation.verdict();
  expect(verdict.problems, verdictLine(verdict)).toEqual([]);
  expect(verdict).toMatchObject({ lost: 0, duplicated: 0, sent: CHANNELS * (PER_CHANNEL + 1) });
  const told = conversation.clients.filter((c) => c.reconnectRequests > 0);
  expect(told).toHaveLength(before[victim] as number);
  expect(told.every((c) => c.reconnects > 0 && c.isConnected)).toBe(true);
  const after = await cluster.clientsPerReplica();
  expect(after[victim]).toBe(0);
  expect(after.reduce((a, b) => a + b, 0)).toBe(CLIENTS);
});

function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** The replica's last log line, `{"msg":"stopped","closedWhileConnected":n}`. */
function stoppedLine(output: string): Record<string, unknown> | undefined {
  return output
    .split('\n')
    .filter((line) => line.includes('"stopped"'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .at(-1);
}
