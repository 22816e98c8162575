import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const SETPRIV = '/usr/bin/setpriv';

export type ProcessExit = { code: number | null; signal: NodeJS.Signals | null };

/** A server process this package started: nginx or a web replica. */
export type ServerProcess = {
  pid: number;
  /** The last 20 kB the process printed, for failure messages. */
  output(): string;
  isRunning(): boolean;
  exited: Promise<ProcessExit>;
  /** Sends `signal`, then SIGKILL if it still runs after `graceMs`; resolves once it exited. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<ProcessExit>;
};

/** Every process started here and not seen exiting, with the signal that ends it when we exit first. */
const running = new Map<ChildProcess, NodeJS.Signals>();
process.once('exit', () => {
  // "exit" handlers are synchronous: sending a signal is all there is time for.
  for (const [child, signal] of running) child.kill(signal);
});

/**
 * Spawns `file args` with exactly `env` (plus PATH and HOME). Through setpriv the child gets a
 * parent-death signal, so even a SIGKILLed test runner (which runs no exit handler) leaves nothing
 * behind; `deathSignal` is what it receives then (nginx wants SIGTERM so it also stops its workers).
 */
export function spawnServer(
  file: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; deathSignal?: NodeJS.Signals },
): ServerProcess {
  const deathSignal = options.deathSignal ?? 'SIGKILL';
  const command = [file, ...args];
  const [exe, ...rest] = existsSync(SETPRIV)
    ? [SETPRIV, '--pdeathsig', deathSignal, '--', ...command]
    : command;
  // Built from scratch: the test machine's own variables never leak into a server.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    ...options.env,
  };
  const child = spawn(exe as string, rest, {
    cwd: options.cwd,
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.set(child, deathSignal);
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  child.once('error', (err) => collect(Buffer.from(`\n${err.message}\n`)));
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  const isRunning = () => child.exitCode === null && child.signalCode === null;

  return {
    pid: child.pid ?? -1,
    output: () => output,
    isRunning,
    exited,
    async stop(signal = 'SIGTERM', graceMs = 10_000) {
      if (!isRunning()) return exited;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const exit = await exited;
      clearTimeout(timer);
      return exit;
    },
  };
}
