import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

const SETPRIV = '/usr/bin/setpriv';

/** A free TCP port on 127.0.0.1, for servers that must know their port before they start (NEXTAUTH_URL). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export type ServerProcess = {
  child: ChildProcess;
  output(): string;
  /** SIGTERM (then SIGKILL after `graceMs`) and wait for the exit. */
  stop(graceMs?: number): Promise<void>;
};

/**
 * Spawns `node --import tsx <script>` with exactly `env` (plus PATH and HOME), killed with the test
 * runner if it dies (parent-death signal via setpriv). Output is kept for failure messages.
 */
export function spawnTsx(
  script: string,
  options: { cwd: string; env: Record<string, string> },
): ServerProcess {
  const command = [process.execPath, '--import', 'tsx', script];
  const [file, ...args] = existsSync(SETPRIV)
    ? [SETPRIV, '--pdeathsig', 'SIGKILL', '--', ...command]
    : command;
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...options.env };
  const child = spawn(file as string, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => output,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `url` until it answers 200, the process exits, or `timeoutMs` passes (then throws with its output). */
export async function untilHealthy(url: string, server: ServerProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) break;
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
      last = `${res.status} ${(await res.text()).slice(0, 300)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const why =
    server.child.exitCode !== null
      ? `exited with code ${server.child.exitCode}`
      : `not healthy within ${timeoutMs} ms`;
  throw new Error(`${url}: ${why} (last answer: ${last})\n--- output ---\n${server.output()}`);
}
