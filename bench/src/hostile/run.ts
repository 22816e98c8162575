import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createUserWithToken, type Replica } from '@spotter/test-support';
import type { RunContext } from '../context';
import { SECRET } from '../environment';
import { LOOP_SAMPLING_MS, type LoopDelay, lateness, watchLoopDelay } from '../loop-delay';
import type { Arrivals } from '../phase';
import { type PhaseOptions, type PhaseResult, runPhase } from '../phase';
import { cpuMeter } from '../proc';
import { sendTarget } from '../spotter/send-target';
import { connectWireClients } from '../spotter/wire-clients';
import type { AttackName, AttackTarget } from './attacks';
import { startAttackerProcess } from './run-attacker';

export type HostileResult = {
  phase: string;
  p50: number | null;
  p99: number | null;
  answerP99: number | null;
  samples: number;
  failures: string[];
  attacker: string;
  /** The attacked replica's event loop during the phase: how late it ran. */
  loopDelay: LoopDelay;
  /** The bench's own (where the healthy client's clock runs): a late loop makes late answers. */
  benchLoopDelay: LoopDelay;
  /** Share of one core during the phase: who had the machine's two cores while the client waited. */
  cpuPercent: { replica: number; postgres: number; attacker: number | null; bench: number };
};

/**
 * The healthy client's own pace: low beside the attackers (a busy chat), yet 500 samples in a 10 s
 * phase, so the p99 is the 5th-worst send rather than the 2nd-worst of 200, which swung 20–47 ms
 * between runs of the baseline alone.
 */
const HEALTHY_RATE = 50;
/** Unmeasured sends at the start of every phase, once its attacker is running (see the loop). */
const LEAD_IN_SECONDS = 1;

/** Each attack runs in a process of its own (see attacker-process.ts); the baseline has none. */
const ATTACKS: { phase: string; attack: AttackName | null }[] = [
  { phase: 'baseline (no attacker)', attack: null },
  { phase: 'sends malformed frames', attack: 'malformed' },
  { phase: 'sends 10 MB frames', attack: 'huge' },
  { phase: 'opens 1,000 subscriptions', attack: 'subscriptions' },
  { phase: 'floods 2,000 sends/s', attack: 'flood' },
  // The baseline again: how far apart two quiet phases' p99s are on this machine, the noise in each ratio.
  { phase: 'baseline again (no attacker)', attack: null },
];

/**
 * A healthy client on the first replica sends to its own channel and receives its messages, while an
 * authenticated attacker on the same replica misbehaves in one way per phase. Reports the healthy
 * client's latency and anything it lost; the attacker's view is reported as seen, not judged.
 */
export async function runHostile(
  context: RunContext,
  replicas: readonly Replica[],
): Promise<HostileResult[]> {
  const { prisma } = context.env;
  const replica = replicas[0] as Replica;
  const healthy = await createUserWithToken(prisma, SECRET, 'Healthy');
  const attacker = await createUserWithToken(prisma, SECRET, 'Attacker');
  const shared = await createChannel(context, 'hostile shared', [
    healthy.session.userId,
    attacker.session.userId,
  ]);
  const own = await createChannel(context, 'hostile flood', [attacker.session.userId]);

  const arrivals: Arrivals = new Set();
  const healthyUser = { id: healthy.session.userId, name: 'Healthy', token: healthy.token };
  const room = { channelId: shared, members: [0] };
  const client = await connectWireClients(() => replica.url, [healthyUser], [room], arrivals);
  const target = sendTarget({ clients: client, replicaPids: [replica.pid], rooms: [room] });
  const attackTarget: AttackTarget = {
    url: replica.url,
    token: attacker.token,
    channelId: shared,
    ownChannelId: own,
  };

  const healthyPhase = (tag: string): PhaseOptions => ({
    target,
    tag,
    rooms: [[0]],
    clients: 1,
    arrivals,
    rate: HEALTHY_RATE,
    seconds: context.options.seconds,
    prisma,
    redisPid: context.env.redisPid,
  });
  const results: HostileResult[] = [];
  try {
    for (const { phase, attack: name } of ATTACKS) {
      context.log(`hostile: a healthy client while another client ${phase}`);
      const before = client.problems().length;
      const attack = name
        ? await startAttackerProcess(name, attackTarget, context.options.seconds, context.cleanup)
        : { pid: undefined, stop: async () => '–' };
      // A lead-in the figures leave out, as the other phases' warm-up: the attacker's process has
      // booted and its attack is under way, and the healthy path is warm after the pause between
      // phases. Runs showed the slowest answers bunched in a phase's first half-second otherwise.
      const leadIn = await runPhase({ ...healthyPhase(`h${results.length}w`), seconds: LEAD_IN_SECONDS });
      const leadInFailures = failuresOf(leadIn).map((failure) => `in the lead-in: ${failure}`);
      const loopDelay = await watchLoopDelay(replica.httpUrl);
      const benchLoop = monitorEventLoopDelay({ resolution: LOOP_SAMPLING_MS });
      benchLoop.enable();
      const attackerCpu = cpuMeter(attack.pid === undefined ? [] : [attack.pid]);
      const result = await runPhase(healthyPhase(`h${results.length}`));
      const [attackerMicros] = attackerCpu.read();
      const replicaLoopDelay = await loopDelay.read();
      benchLoop.disable();
      const attackerSaw = await attack.stop();
      const percentOfCore = (micros: number) => (micros / 1000 / result.elapsedMs) * 100;
      const failures = [...client.problems().slice(before), ...leadInFailures, ...failuresOf(result)];
      results.push({
        phase,
        p50: result.p50,
        p99: result.p99,
        answerP99: result.answerP99,
        samples: result.received,
        failures,
        attacker: attackerSaw,
        loopDelay: replicaLoopDelay,
        benchLoopDelay: lateness(benchLoop.percentile(99) / 1e6, benchLoop.max / 1e6),
        cpuPercent: {
          replica: percentOfCore(result.serverMicros[0] ?? 0),
          postgres: percentOfCore(result.postgresMicros),
          attacker: attackerMicros === undefined ? null : percentOfCore(attackerMicros),
          bench: result.benchCpuPercent,
        },
      });
      if (result.crashed.length > 0) break;
    }
  } finally {
    client.close();
  }
  return results;
}

/** What the healthy client would notice in a phase: anything lost, doubled or refused. */
function failuresOf(result: PhaseResult): string[] {
  const failures: string[] = [];
  if (result.lost > 0) failures.push(`${result.lost} of ${result.expected} not delivered`);
  if (result.duplicates > 0) failures.push(`${result.duplicates} duplicates`);
  if (result.errors > 0) failures.push(`${result.errors} sends failed (${result.firstError})`);
  if (result.crashed.length > 0) failures.push('the replica crashed');
  return failures;
}

async function createChannel(context: RunContext, name: string, userIds: string[]): Promise<string> {
  const channel = await context.env.prisma.channel.create({
    data: {
      slug: `${name.replace(/ /g, '-')}-${Date.now().toString(36)}`,
      name,
      createdById: userIds[0] as string,
      memberships: { create: userIds.map((userId, i) => ({ userId, role: i === 0 ? 'OWNER' : 'MEMBER' })) },
    },
    select: { id: true },
  });
  return channel.id;
}
