import type { PhaseResult } from './phase';

export type RampStep = {
  rate: number;
  p99: number | null;
  lost: number;
  duplicates: number;
  errors: number;
  isHeld: boolean;
};
export type RampResult = { phase: string; steps: RampStep[]; highestHeld: number | null };

const RAMP_FACTOR = 1.5;
const RAMP_P99_LIMIT_MS = 100;
/** ×1.5 eleven times is ×86 (÷86 going down): past anything 2 cores can hold, and a bound on the run's length. */
const MAX_STEPS = 12;

/** Whether a phase ran within the limits: p99 ≤ 100 ms, and every message once to every member. */
function isHeld(result: PhaseResult): boolean {
  return (
    result.p99 !== null &&
    result.p99 <= RAMP_P99_LIMIT_MS &&
    result.lost === 0 &&
    result.duplicates === 0 &&
    result.errors === 0 &&
    result.strays === 0
  );
}

/**
 * Runs the phase at `rate`, then ×1.5 per step until a step is not held. When `rate` itself is not
 * held, steps down ÷1.5 instead until one is, so the figure is a rate either way. Returns every step.
 */
export async function ramp(
  phase: string,
  rate: number,
  run: (rate: number) => Promise<PhaseResult>,
  log: (line: string) => void,
): Promise<RampResult> {
  const steps: RampStep[] = [];
  let highestHeld: number | null = null;
  let factor = RAMP_FACTOR;
  for (let current = rate; steps.length < MAX_STEPS; current *= factor) {
    const result = await run(current);
    const isStepHeld = isHeld(result);
    steps.push({
      rate: current,
      p99: result.p99,
      lost: result.lost,
      duplicates: result.duplicates,
      errors: result.errors,
      isHeld: isStepHeld,
    });
    log(
      `ramp ${phase}: ${Math.round(current)} msg/s → p99 ${result.p99?.toFixed(1) ?? '–'} ms, lost ${result.lost}, errors ${result.errors}${isStepHeld ? '' : ' (not held)'}`,
    );
    if (isStepHeld) highestHeld = Math.max(highestHeld ?? 0, current);
    const isGoingDown = factor < 1;
    if (steps.length === 1 && !isStepHeld) factor = 1 / RAMP_FACTOR;
    else if (isGoingDown ? isStepHeld : !isStepHeld) break;
  }
  return { phase, steps, highestHeld };
}
