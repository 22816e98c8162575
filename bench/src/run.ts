import { availableParallelism, loadavg } from 'node:os';
import type { Cleanup } from './cleanup';
import type { RunContext } from './context';
import { prepareEnvironment } from './environment';
import { runFloor } from './floor/run-floor';
import { runIdle } from './idle-run';
import type { BenchOptions } from './options';
import type { PhaseResult } from './phase';
import type { BenchReport } from './report';
import { runSpotter } from './spotter/run-spotter';
import { runStorm } from './storm';

/**
 * One whole run: the floor, then Spotter's phases, then the idle-memory figure, all on this machine
 * one after another, so every figure shares the same conditions. Failures of correctness (a loss, a
 * duplicate, a delivery outside the room, a crash) are collected in `problems`; slowness never is,
 * nor a send the server refused and said so (the sender knows; it is counted in the phase's errors).
 */
export async function runBench(
  options: BenchOptions,
  cleanup: Cleanup,
  log: (line: string) => void,
): Promise<BenchReport> {
  const report: BenchReport = {
    startedAt: new Date().toISOString(),
    machine: { cpus: availableParallelism(), loadAverage: loadavg() },
    options,
    phases: [],
    ramps: [],
    idle: [],
    hostile: [],
    storm: null,
    problems: [],
  };
  const env = await prepareEnvironment(options, cleanup, log);
  const context: RunContext = { options, env, cleanup, arrivals: new Set(), log };

  const floor = await runFloor(context);
  const spotter = await runSpotter(context);
  for (const { result, ramp } of [floor, ...spotter.measured]) {
    report.phases.push(result);
    if (ramp) report.ramps.push(ramp);
    report.problems.push(...correctnessProblems(result));
  }
  report.problems.push(...spotter.problems);
  report.hostile = spotter.hostile;
  for (const h of spotter.hostile)
    if (h.failures.includes('the replica crashed'))
      report.problems.push(`hostile: the replica crashed while another client ${h.phase}`);
  report.idle = await runIdle(context);
  if (options.isStorm) {
    report.storm = await runStorm(context);
    if (report.storm.notBack > 0)
      report.problems.push(`storm: ${report.storm.notBack} moved clients never received again`);
  }
  return report;
}

function correctnessProblems(result: PhaseResult): string[] {
  const problems: string[] = [];
  if (result.lost > 0) problems.push(`${result.phase}: ${result.lost} of ${result.expected} deliveries lost`);
  if (result.duplicates > 0) problems.push(`${result.phase}: ${result.duplicates} duplicate deliveries`);
  if (result.strays > 0) problems.push(`${result.phase}: ${result.strays} deliveries outside the room`);
  if (result.crashed.length > 0)
    problems.push(`${result.phase}: server pids ${result.crashed.join(', ')} crashed`);
  return problems;
}
