import type { HostileResult } from './hostile/run';
import type { IdleMemory } from './idle-memory';
import type { BenchOptions } from './options';
import type { PhaseResult } from './phase';
import { POSTGRES_CPU_SOURCE } from './postgres-cpu';
import type { RampResult } from './ramp';
import type { StormResult } from './storm';

export type BenchReport = {
  startedAt: string;
  machine: { cpus: number; loadAverage: number[] };
  options: BenchOptions;
  phases: PhaseResult[];
  ramps: RampResult[];
  idle: IdleMemory[];
  hostile: HostileResult[];
  storm: StormResult | null;
  /** Correctness failures (loss, duplicates, deliveries outside the room, crashes): any makes the exit status 1. */
  problems: string[];
};

const ms = (value: number | null) =>
  value === null ? '–' : value < 10 ? value.toFixed(1) : value.toFixed(0);
const micros = (value: number | null) => (value === null ? '–' : value.toFixed(1));
const whole = (value: number) => Math.round(value).toLocaleString('en-US');
const percent = (value: number) => `${value.toFixed(0)}%`;

/** Lays rows out in columns, the first left-aligned and the rest right-aligned. */
function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function phaseTable(phases: PhaseResult[]): string {
  const floor = phases.find((p) => p.phase.startsWith('floor'))?.serverMicrosPerDelivery ?? null;
  const rows = phases.map((p) => [
    p.phase,
    whole(p.offeredPerSecond),
    whole(p.deliveriesPerSecond),
    ms(p.p50),
    ms(p.p95),
    ms(p.p99),
    ms(p.answerP99),
    whole(p.lost),
    whole(p.duplicates),
    whole(p.errors),
    micros(p.serverMicrosPerDelivery),
    floor && p.serverMicrosPerDelivery !== null ? `${(p.serverMicrosPerDelivery / floor).toFixed(1)}×` : '–',
    micros(p.postgresMicrosPerDelivery),
    micros(p.redisMicrosPerDelivery),
    percent(p.benchCpuPercent),
  ]);
  return table(
    [
      'phase',
      'msg/s',
      'deliv/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'answer p99',
      'lost',
      'dup',
      'err',
      'server µs/deliv',
      'vs floor',
      'pg µs/deliv',
      'redis µs/deliv',
      'bench cpu',
    ],
    rows,
  );
}

/** The report as printed: the phases, then whatever else was measured, then notes on the method. */
export function formatReport(report: BenchReport): string {
  const o = report.options;
  const out: string[] = [
    `Spotter realtime bench — ${o.replicas} replicas, ${o.clients} clients, rooms of ${o.room}, ` +
      `${o.rate} msg/s for ${o.seconds} s per phase (${report.machine.cpus} CPUs, ` +
      `load ${report.machine.loadAverage.map((l) => l.toFixed(1)).join(' ')} at start)`,
    '',
    phaseTable(report.phases),
  ];
  for (const phase of report.phases) {
    const extra: string[] = [];
    if (phase.withoutTimestamp > 0)
      extra.push(`${phase.withoutTimestamp} deliveries came from a database refill`);
    if (phase.strays > 0) extra.push(`${phase.strays} deliveries to clients outside the room`);
    if (phase.ofFailedSends > 0)
      extra.push(`${phase.ofFailedSends} deliveries of sends that reported failure`);
    if (phase.retries > 0) extra.push(`${phase.retries} attempts retried after "try again"`);
    if (phase.errors > 0) extra.push(`${phase.errors} sends refused to the end, first: ${phase.firstError}`);
    if (phase.crashed.length > 0) extra.push(`server pids gone: ${phase.crashed.join(', ')}`);
    if (extra.length > 0) out.push(`  ${phase.phase}: ${extra.join('; ')}`);
  }
  if (report.ramps.length > 0) {
    out.push(
      '',
      'Max rate held (p99 ≤ 100 ms, no loss, no duplicate, no error; ×1.5 per step, ÷1.5 if the first is not held):',
    );
    for (const ramp of report.ramps) {
      const steps = ramp.steps
        .map(
          (s) =>
            `${whole(s.rate)}/s p99 ${ms(s.p99)} ms${s.lost + s.duplicates + s.errors > 0 ? ` lost ${s.lost} dup ${s.duplicates} err ${s.errors}` : ''}`,
        )
        .join(' → ');
      const held =
        ramp.highestHeld === null
          ? `none (below ${whole(ramp.steps[0]?.rate ?? 0)}/s)`
          : `${whole(ramp.highestHeld)} msg/s`;
      out.push(`  ${ramp.phase}: ${held}   [${steps}]`);
    }
  }
  if (report.idle.length > 0) {
    out.push(
      '',
      table(
        ['idle connections (one subscription each)', 'connections', 'KB RSS/conn', 'KB heap/conn'],
        report.idle.map((i) => [
          i.server,
          whole(i.connections),
          i.rssKbPerConnection.toFixed(1),
          i.heapKbPerConnection.toFixed(1),
        ]),
      ),
    );
  }
  if (report.hostile.length > 0) {
    out.push(
      '',
      table(
        [
          'hostile: a healthy client while another client…',
          'p50 ms',
          'p99 ms',
          'answer p99',
          'samples',
          'healthy failures',
          'replica loop late p99/max ms',
          'bench loop late p99/max ms',
          'replica cpu',
          'PostgreSQL cpu',
          'attacker cpu',
          'bench cpu',
        ],
        report.hostile.map((h) => [
          h.phase,
          ms(h.p50),
          ms(h.p99),
          ms(h.answerP99),
          whole(h.samples),
          whole(h.failures.length),
          `${ms(h.loopDelay.p99)} / ${ms(h.loopDelay.max)}`,
          `${ms(h.benchLoopDelay.p99)} / ${ms(h.benchLoopDelay.max)}`,
          percent(h.cpuPercent.replica),
          percent(h.cpuPercent.postgres),
          h.cpuPercent.attacker === null ? '–' : percent(h.cpuPercent.attacker),
          percent(h.cpuPercent.bench),
        ]),
      ),
    );
    for (const h of report.hostile) {
      if (h.attacker !== '–') out.push(`  ${h.phase}: the attacker saw ${h.attacker}`);
      for (const failure of h.failures) out.push(`  ${h.phase}: healthy client: ${failure}`);
    }
  }
  if (report.storm) {
    const storm = report.storm;
    out.push(
      '',
      `reconnect storm: a replica holding ${whole(storm.moved)} of ${whole(storm.clients)} clients SIGKILLed under load`,
      `  moved clients receiving again after  p50 ${ms(storm.recoveryP50Ms)} ms · p99 ${ms(storm.recoveryP99Ms)} ms · max ${ms(storm.recoveryMaxMs)} ms · not back ${whole(storm.notBack)}`,
      `  sends of clients on the other replicas  ${whole(storm.unaffectedSends)} · failed ${whole(storm.unaffectedFailures)}${storm.firstFailure ? ` (first: ${storm.firstFailure})` : ''}`,
    );
  }
  out.push(
    '',
    'Latency: send → delivery at every receiver (all clients live in the bench process: one clock).',
    "answer p99: send → the system's answer (message.send's reply; for the floor and fan-out, the publish's).",
    'loop late (hostile): how late the event loop ran, beyond its 10 ms sampling (the replica from its /metrics).',
    'server µs/deliv: CPU (user+system, /proc/<pid>/stat) of the relays or replicas during the phase ÷ deliveries.',
    `${POSTGRES_CPU_SOURCE}.`,
    'bench cpu: the bench process (all clients and the publisher) as a share of one core; near 100% it is the bottleneck.',
    'Figures vary 20–50% from run to run on a shared machine: compare the ratios to the floor of the same run.',
  );
  if (report.problems.length > 0)
    out.push('', 'CORRECTNESS FAILURES:', ...report.problems.map((p) => `  - ${p}`));
  return out.join('\n');
}
