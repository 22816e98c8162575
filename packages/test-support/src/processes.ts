import { existsSync } from 'node:fs';
import { execa } from 'execa';
import { within } from './wait';

const SETPRIV = '/usr/bin/setpriv';
const DEFAULT_OUTPUT_CHARS = 20_000;

export type ProcessExit = { code: number | null; signal: NodeJS.Signals | null };

/** A server process a test started: redis-server, PostgreSQL, a replica, nginx, the web app. */
export type ServerProcess = {
  pid: number;
  /** What the process printed (stdout and stderr interleaved; the tail only, see `outputChars`). */
  output(): string;
  isRunning(): boolean;
  /** Resolves once the process exited and everything it printed has been read. */
  exited: Promise<ProcessExit>;
  /**
   * Sends `signal` (default SIGTERM) and resolves once the process exited. After a SIGTERM, a process
   * still running after `graceMs` (given when spawned) gets SIGKILL.
   */
  stop(signal?: NodeJS.Signals): Promise<ProcessExit>;
  /**
   * Resolves with what `find` returns from the output once it returns something; rejects if the
   * process exits first, or after `timeoutMs`, naming `what`.
   */
  untilOutput<T>(find: (output: string) => T | undefined, what: string, timeoutMs: number): Promise<T>;
};

export type SpawnOptions = {
  cwd?: string;
  /** The whole environment besides PATH and HOME: the test machine's own variables never leak in. */
  env?: Record<string, string>;
  /** What the process receives when the test runner dies (nginx wants SIGTERM to stop its workers). */
  deathSignal?: NodeJS.Signals;
  /** How long stop('SIGTERM') waits before SIGKILL; `false` never escalates. Default 10 s. */
  graceMs?: number | false;
  /** How much of the output to keep; default the last 20,000 characters. */
  outputChars?: number;
};

/**
 * Spawns `file args` with execa, which also kills it (SIGTERM) when the test runner exits normally or
 * on a signal. A SIGKILLed runner (vitest killing a stuck worker, the OOM killer) runs no exit handler
 * at all, which execa's `cleanup` cannot cover: setpriv (util-linux) execs the command with a
 * parent-death signal, so the kernel ends it even then. The pid is the command's own (setpriv execs).
 */
export function spawnServer(file: string, args: string[], options: SpawnOptions = {}): ServerProcess {
  const command = [file, ...args];
  const [exe, ...rest] = existsSync(SETPRIV)
    ? [SETPRIV, '--pdeathsig', options.deathSignal ?? 'SIGKILL', '--', ...command]
    : command;
  const outputChars = options.outputChars ?? DEFAULT_OUTPUT_CHARS;
  const child = execa(exe as string, rest, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...options.env },
    extendEnv: false,
    stdin: 'ignore',
    all: true,
    // A server prints for as long as it runs: keep a bounded tail here instead of execa's buffer.
    buffer: false,
    reject: false,
    forceKillAfterDelay: options.graceMs ?? 10_000,
  });

  let output = '';
  const watchers = new Set<() => void>();
  child.all?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    // Trimmed only past the limit: slicing on every chunk would copy a long output over and over.
    if (output.length > outputChars) output = output.slice(-outputChars);
    for (const watch of watchers) watch();
  });
  const exited: Promise<ProcessExit> = child.then((result) => {
    // A command that could not start at all (ENOENT) printed nothing: execa's message says why.
    if (result.failed && !result.isTerminated && result.exitCode === undefined)
      output += `\n${result.shortMessage}\n`;
    return { code: result.exitCode ?? null, signal: (result.signal as NodeJS.Signals | undefined) ?? null };
  });
  let exit: ProcessExit | undefined;
  void exited.then((result) => {
    exit = result;
    for (const watch of watchers) watch();
  });

  return {
    pid: child.pid ?? -1,
    output: () => output,
    isRunning: () => exit === undefined && child.exitCode === null && child.signalCode === null,
    exited,
    stop(signal = 'SIGTERM') {
      if (exit === undefined) child.kill(signal);
      return exited;
    },
    untilOutput(find, what, timeoutMs) {
      let watch = () => {};
      const found = new Promise<NonNullable<ReturnType<typeof find>>>((resolve, reject) => {
        watch = () => {
          const value = find(output);
          if (value !== undefined && value !== null) resolve(value);
          else if (exit)
            reject(new Error(`exited (code ${exit.code}, signal ${exit.signal}) with no ${what}`));
        };
        watchers.add(watch);
        watch();
      });
      return within(found, timeoutMs, `no ${what} within ${timeoutMs} ms`).finally(() =>
        watchers.delete(watch),
      );
    },
  };
}

/**
 * Spawns a TypeScript entry point as `node --import tsx <script>`: one process (unlike the tsx CLI),
 * so the pid and the signals are the server's own.
 */
export function spawnTsx(script: string, options: SpawnOptions = {}): ServerProcess {
  return spawnServer(process.execPath, ['--import', 'tsx', script], options);
}
