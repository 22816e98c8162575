import { expect, it } from 'vitest';
import { useClusterConversation } from './conversation-fixture';
import { verdictLine } from './load/verdict';

// 24 people in 4 channels behind nginx; each channel gets 60 messages at 20 per second.
const CLIENTS = 24;
const CHANNELS = 4;
const PER_CHANNEL = 60;
const INTERVAL_MS = 50;

const fixture = useClusterConversation({ clients: CLIENTS, channels: CHANNELS });

it('a realtime replica SIGKILLed mid-burst: its clients reconnect through nginx and every client ends with every message exactly once, in order', async () => {
  const { cluster, conversation } = fixture;
  // Chosen before the burst (nothing moves clients until the fault), so the fault lands on time.
  const before = await cluster.clientsPerReplica();
  const victim = before.indexOf(Math.max(...before));
  const replica = cluster.replicas[victim];
  if (!replica) throw new Error('no replica to kill');
  expect(before[victim], `clients per replica: ${before}`).toBeGreaterThan(0);
  const burst = conversation.burst({ perChannel: PER_CHANNEL, intervalMs: INTERVAL_MS });
  // A third into the burst by the clock of its sends, not its acks: a loaded machine acks late.
  await conversation.untilStarted(CHANNELS * (1 + PER_CHANNEL / 3));

  conversation.markFault();
  const exit = await replica.stop('SIGKILL');
  expect(exit.signal).toBe('SIGKILL');
  await burst;
  await conversation.untilDelivered();

  const verdict = conversation.verdict();
  expect(verdict.problems, verdictLine(verdict)).toEqual([]);
  expect(verdict).toMatchObject({ lost: 0, duplicated: 0, sent: CHANNELS * (PER_CHANNEL + 1) });
  // The fault hit exactly the victim's clients, and each of them is back on a surviving replica.
  const cutOff = conversation.clients.filter((c) => c.disconnects > 0);
  expect(cutOff).toHaveLength(before[victim] as number);
  expect(cutOff.every((c) => c.reconnects > 0 && c.isConnected)).toBe(true);
  const after = await cluster.clientsPerReplica();
  expect(after[victim]).toBe(0);
  expect(after.reduce((a, b) => a + b, 0)).toBe(CLIENTS);
});
