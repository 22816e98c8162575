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

export const RAMP_FACTOR = 1.5;
export const RAMP_P99_LIMIT_MS = 100;
/** ×1.5 eleven times is ×86: past anything 2 cores can hold, and a bound on the run's length. */
const MAX_STEPS = 12;

/** Whether a phase ran within the limits: p99 ≤ 100 ms, and every message once to every member. */
export function isHeld(result: PhaseResult): boolean {
  return (
    result.p99 !== null &&
    result.p99 <= RAMP_P99_LIMIT_MS &&
    result.lost === 0 &&
    result.duplicates === 0 &&
    result.errors === 0 &&
    result.strays === 0
  );
}

/** Runs the phase at `rate`, then ×1.5 per step, until a step is not held; returns every step. */
export async function ramp(
  phase: string,
  rate: number,
  run: (rate: number, step: number) => Promise<PhaseResult>,
  log: (line: string) => void,
): Promise<RampResult> {
  const steps: RampStep[] = [];
  let highestHeld: number | null = null;
  for (let step = 0, current = rate; step < MAX_STEPS; step++, current *= RAMP_FACTOR) {
    const result = await run(current, step);
    const held = isHeld(result);
    steps.push({
      rate: current,
      p99: result.p99,
      lost: result.lost,
      duplicates: result.duplicates,
      errors: result.errors,
      isHeld: held,
    });
    log(
      `ramp ${phase}: ${Math.round(current)} msg/s → p99 ${result.p99?.toFixed(1) ?? '–'} ms, lost ${result.lost}${held ? '' : ' (not held)'}`,
    );
    if (!held) break;
    highestHeld = current;
  }
  return { phase, steps, highestHeld };
}
