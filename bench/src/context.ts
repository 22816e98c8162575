import type { Cleanup } from './cleanup';
import type { Environment } from './environment';
import type { BenchOptions, PhaseName } from './options';
import { type Arrivals, type PhaseResult, runPhase, type Target } from './phase';
import { type RampResult, ramp } from './ramp';

/** What every part of a run shares. */
export type RunContext = {
  options: BenchOptions;
  env: Environment;
  cleanup: Cleanup;
  arrivals: Arrivals;
  log(line: string): void;
};

let tags = 0;

/** Runs `target` as a phase of the run's size (or at `rate`), with a tag no other phase uses. */
function phaseOf(
  context: RunContext,
  target: Target,
  rate = context.options.rate,
  seconds = context.options.seconds,
) {
  return runPhase({
    target,
    tag: `t${++tags}`,
    rooms: context.env.roomMembers.slice(0, target.roomCount ?? context.env.roomMembers.length),
    clients: context.options.clients,
    arrivals: context.arrivals,
    rate,
    seconds,
    prisma: context.env.prisma,
    redisPid: context.env.redisPid,
  });
}

const WARM_UP_TRIES = 5;

/**
 * One message per room, which must reach every member: proves every subscription live before the
 * clock starts. Repeated (a few times) while a send is refused or `isReady` says not yet; throws on
 * a loss, or when it never gets there (then nothing measured after would mean anything).
 */
export async function warmUp(
  context: RunContext,
  target: Target,
  isReady: (result: PhaseResult) => boolean = () => true,
): Promise<void> {
  for (let tries = 1; ; tries++) {
    const result = await phaseOf(context, target, target.roomCount ?? context.env.rooms.length, 1);
    if (result.lost > 0)
      throw new Error(`warm-up of ${target.name}: ${result.lost} of ${result.expected} deliveries missing`);
    if (result.errors === 0 && isReady(result)) return;
    if (tries === WARM_UP_TRIES) {
      const why = result.errors > 0 ? `sends kept being refused (${result.firstError})` : 'not ready';
      throw new Error(`warm-up of ${target.name}: ${why} after ${tries} tries`);
    }
  }
}

/** Tens of thousands of deliveries at the default size: enough for the hot paths to be optimised. */
const AT_RATE_WARM_UP_SECONDS = 2;

/**
 * The phase at the run's rate, and its ramp when asked for. A short run at that rate goes first and
 * is thrown away: the first run of a phase at full rate pays for processes warming up (V8 optimising,
 * heaps growing) — the first default run measured fan-out at p99 2.6 s, and 44 ms at the same rate
 * right after — and near saturation a backlog formed then never drains within the phase.
 */
export async function measure(
  context: RunContext,
  name: PhaseName,
  target: Target,
): Promise<{ result: PhaseResult; ramp?: RampResult }> {
  const { rate, seconds } = context.options;
  context.log(
    `phase: ${target.name}, ${rate} msg/s for ${seconds} s (after ${AT_RATE_WARM_UP_SECONDS} s unmeasured)`,
  );
  await phaseOf(context, target, rate, Math.min(seconds, AT_RATE_WARM_UP_SECONDS));
  const result = await phaseOf(context, target);
  if (!context.options.ramp.includes(name)) return { result };
  return {
    result,
    ramp: await ramp(
      target.name,
      context.options.rate,
      (rate) => phaseOf(context, target, rate),
      context.log,
    ),
  };
}
