import { buildRealtime } from '@spotter/test-support';
import { type Cluster, startCluster } from './cluster';
import type { ConnectionChange } from './load/clients';
import { type Conversation, startConversation } from './load/conversation';
import { type Verdict, verdictLine } from './load/verdict';

// `npm run demo:failover`: the whole scaled stack on this machine, a conversation through nginx, and
// one realtime replica SIGKILLed mid-burst. A CLI, so it prints to stdout on purpose; the last line
// is the verdict, and the exit code says whether anything was lost or duplicated.
const CLIENTS = 12;
const CHANNELS = 3;
const PER_CHANNEL = 40;
const INTERVAL_MS = 50;

/** performance.now() of the kill, once it happened: connection changes are reported relative to it. */
let killedAt: number | undefined;

const say = (line: string) => process.stdout.write(`${new Date().toISOString().slice(11, 23)}  ${line}\n`);

const CHANGES: Record<ConnectionChange, string> = {
  disconnected: 'lost its connection',
  'reconnect-requested': 'was asked to reconnect',
  reconnected: 'reconnected through nginx',
};

async function main(): Promise<Verdict> {
  // The one place this program reads its environment: a database to use instead of a scratch one.
  const databaseUrl = process.env.DATABASE_URL || undefined;
  say(
    databaseUrl
      ? `using DATABASE_URL (${new URL(databaseUrl).pathname.slice(1)}); it must be migrated`
      : 'no DATABASE_URL: creating a scratch database on 127.0.0.1:5432 (dropped at the end)',
  );
  say('building the realtime replica (npm run build -w @spotter/realtime)');
  await buildRealtime();
  const cluster = await startCluster({
    databaseUrl,
    webReplicas: 2,
    seed: true,
    buildWebIfMissing: true,
    log: say,
  });
  let conversation: Conversation | undefined;
  try {
    say(`open ${cluster.nginxUrl} in a browser to watch #general (alice@spotter.dev / spotter-demo)`);
    conversation = await connect(cluster);
    return await failover(cluster, conversation);
  } finally {
    await conversation?.close();
    say('stopping nginx, web and realtime replicas, redis-server');
    await cluster.stop();
    say('everything this demo started has stopped');
  }
}

async function connect(cluster: Cluster): Promise<Conversation> {
  const conversation = await startConversation({
    wsUrl: cluster.wsUrl,
    databaseUrl: cluster.databaseUrl,
    secret: cluster.secret,
    clients: CLIENTS,
    channels: CHANNELS,
    onConnectionChange(client, change, at) {
      const when = killedAt === undefined ? '' : ` (${Math.round(at - killedAt)} ms after the kill)`;
      say(`${client.name} ${CHANGES[change]}${when}`);
    },
  });
  say(
    `${CLIENTS} clients connected through nginx, ${CHANNELS} channels; per replica: ${await cluster.clientsPerReplica()}`,
  );
  await conversation.warmUp();
  say('every client is live: each received its channel’s warm-up message');
  return conversation;
}

async function failover(cluster: Cluster, conversation: Conversation): Promise<Verdict> {
  // The victim is chosen before the burst (nothing moves clients until the fault), so the kill is on time.
  const perReplica = await cluster.clientsPerReplica();
  const victim = perReplica.indexOf(Math.max(...perReplica));
  const replica = cluster.replicas[victim];
  if (!replica) throw new Error('no realtime replica to kill');
  const burst = conversation.burst({ perChannel: PER_CHANNEL, intervalMs: INTERVAL_MS });
  say(`burst started: ${PER_CHANNEL} messages per channel, one every ${INTERVAL_MS} ms, each with a nonce`);
  await conversation.untilStarted(CHANNELS * (1 + PER_CHANNEL / 3));
  say(`${conversation.acked()} messages acknowledged so far`);
  say(
    `killing realtime replica ${victim + 1} (pid ${replica.pid}, port ${replica.port}, ${perReplica[victim]} clients) with SIGKILL`,
  );
  killedAt = conversation.markFault();
  const exit = await replica.stop('SIGKILL');
  say(`replica pid ${replica.pid} is gone (signal ${exit.signal})`);

  await burst;
  const retried = conversation.messages.filter((m) => m.attempts > 1).length;
  say(
    `burst finished: ${conversation.acked()} of ${conversation.messages.length} sends acknowledged, ${retried} after a retry with the same nonce`,
  );
  await conversation.untilDelivered().then(
    () => say('every client has every acknowledged message of its channel'),
    (error: Error) => say(`gave up waiting: ${error.message}`),
  );
  say(`clients per replica now: ${await cluster.clientsPerReplica()}`);
  const verdict = conversation.verdict();
  for (const problem of verdict.problems) say(`problem: ${problem}`);
  return verdict;
}

try {
  const verdict = await main();
  process.stdout.write(`${verdictLine(verdict)}\n`);
  process.exitCode = verdict.isPass ? 0 : 1;
} catch (error) {
  process.stderr.write(`demo failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
}
