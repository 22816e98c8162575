import { createPrismaClient } from '@spotter/db';
import { expect, it } from 'vitest';
import { useClusterConversation } from './conversation-fixture';
import { verdictLine } from './load/verdict';
import { readyStatus, servingPid, untilEveryReplicaAnswers } from './replica-probes';

// 24 people in 4 channels; 80 messages per channel at 10 per second outlast the outage.
const CLIENTS = 24;
const CHANNELS = 4;
const PER_CHANNEL = 80;
const INTERVAL_MS = 100;
/** How long Redis stays down at least: several reconnect attempts of every replica's bus. */
const OUTAGE_MS = 3_000;

const fixture = useClusterConversation({ clients: CLIENTS, channels: CHANNELS });

it('Redis stopped for seconds mid-burst: replicas report not ready but keep storing sends, nothing restarts, and every client ends with every message exactly once, in order', async () => {
  const { cluster, conversation } = fixture;
  const pids = await Promise.all(cluster.replicas.map(servingPid));
  expect(pids).toEqual(cluster.replicas.map((r) => r.pid));
  const burst = conversation.burst({ perChannel: PER_CHANNEL, intervalMs: INTERVAL_MS });
  await conversation.untilAcked(CHANNELS * 10);

  const outageStart = conversation.markFault();
  await cluster.redis.stop();
  await untilEveryReplicaAnswers(cluster.replicas, 503);
  const ackedBefore = new Set(conversation.messages.filter((m) => m.seq !== undefined));
  await conversation.untilAcked(ackedBefore.size + CHANNELS * 10);
  // The outage lasts as long as the fault scenario says: this wait injects the fault, it asserts nothing.
  await new Promise((resolve) =>
    setTimeout(resolve, Math.max(0, outageStart + OUTAGE_MS - performance.now())),
  );
  expect(await Promise.all(cluster.replicas.map(readyStatus))).toEqual([503, 503, 503]);
  const ackedDuringOutage = conversation.messages.filter((m) => m.seq !== undefined && !ackedBefore.has(m));
  await cluster.redis.start();

  await untilEveryReplicaAnswers(cluster.replicas, 200);
  await burst;
  await conversation.untilDelivered();

  const verdict = conversation.verdict();
  expect(verdict.problems, verdictLine(verdict)).toEqual([]);
  expect(verdict).toMatchObject({ lost: 0, duplicated: 0, sent: CHANNELS * (PER_CHANNEL + 1) });
  // Sends acknowledged while Redis was down are in the database, once each.
  const prisma = createPrismaClient(cluster.databaseUrl);
  const stored = await prisma.message
    .count({ where: { nonce: { in: ackedDuringOutage.map((m) => m.nonce) } } })
    .finally(() => prisma.$disconnect());
  expect(ackedDuringOutage.length).toBeGreaterThanOrEqual(CHANNELS * 10);
  expect(stored).toBe(ackedDuringOutage.length);
  // Nobody restarted anything: the same processes serve, and no client lost its socket.
  expect(await Promise.all(cluster.replicas.map(servingPid))).toEqual(pids);
  expect(conversation.clients.filter((c) => c.disconnects > 0)).toEqual([]);
});
