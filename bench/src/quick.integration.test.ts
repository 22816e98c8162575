import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import type { BenchReport } from './report';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = await mkdtemp(join(tmpdir(), 'spotter-bench-'));

afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs `npm run bench -- --quick` as the CLI it is and resolves with its exit code and output. */
function runQuickBench(json: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--quick', '--json', json], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

// Figures are printed, never asserted (the machine is shared): only what a user would call a bug is —
// an accepted message lost or doubled on any path, or a server that died. A send the server refused
// (and said so) under a busy machine's load is the sender's to retry, not a failure here.
it('delivers every message exactly once on the floor, fan-out, whole-path and hot-channel phases', {
  timeout: 180_000,
}, async () => {
  const json = join(dir, 'quick.json');

  const { code, output } = await runQuickBench(json);

  expect(code, output).toBe(0);
  const report = JSON.parse(await readFile(json, 'utf8')) as BenchReport;
  expect(report.problems).toEqual([]);
  expect(report.phases.map((p) => p.phase)).toHaveLength(4);
  for (const phase of report.phases) {
    expect(phase.accepted, phase.phase).toBeGreaterThan(0);
    expect(phase, phase.phase).toMatchObject({ lost: 0, duplicates: 0, strays: 0 });
    expect(phase.received).toBe(phase.expected);
  }
});
