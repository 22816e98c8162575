import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const SETPRIV = '/usr/bin/setpriv';
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 20_000;

export type ReplicaExit = { code: number | null; signal: NodeJS.Signals | null; output: string };

/** A realtime replica running as its own process, as in production. */
export type Replica = {
  pid: number;
  port: number;
  /** The WebSocket endpoint, `ws://127.0.0.1:<port>/ws`. */
  url: string;
  /** `http://127.0.0.1:<port>`, for /health and /ready. */
  httpUrl: string;
  /** Sends the signal (SIGTERM: a graceful drain; SIGKILL: a crash) and resolves once the process exited. */
  stop(signal?: NodeJS.Signals): Promise<ReplicaExit>;
  /** Everything the process printed so far (its JSON log lines), for failure messages. */
  output(): string;
};

export type ReplicaOptions = {
  databaseUrl: string;
  redisUrl: string;
  secret: string;
  /**
   * Origins of the pages whose browsers connect straight to this replica (the web app's URL when it
   * runs on another port): ALLOWED_ORIGINS. Same-origin pages (through a proxy) need none.
   */
  allowedOrigins?: readonly string[];
  /** Extra or overriding variables; a value of `undefined` removes the variable. */
  env?: Record<string, string | undefined>;
};

/** Every replica this process started and has not seen exit; killed if the test process exits first. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Spawns `apps/realtime/src/main.ts` (through tsx) on a free port chosen by the OS and resolves once
 * it logged its port and `/ready` answers 200. Rejects with the process output if it exits or does
 * not become ready within 30 s.
 */
export async function startReplica(options: ReplicaOptions): Promise<Replica> {
  const proc = spawnReplica(options);
  try {
    const port = await proc.untilListening(START_TIMEOUT_MS);
    const httpUrl = `http://127.0.0.1:${port}`;
    await untilReady(httpUrl, proc, START_TIMEOUT_MS);
    return {
      pid: proc.child.pid as number,
      port,
      url: `ws://127.0.0.1:${port}/ws`,
      httpUrl,
      stop: proc.stop,
      output: proc.output,
    };
  } catch (error) {
    await proc.stop('SIGKILL');
    throw new Error(`${(error as Error).message}\n--- replica output ---\n${proc.output()}`);
  }
}

/**
 * Spawns a replica without waiting for it to become ready: for tests of how it starts, or refuses to.
 * The environment is built from scratch (plus PATH), so the test machine's own variables never leak in.
 */
export function spawnReplica(options: ReplicaOptions) {
  const env: NodeJS.ProcessEnv = { NODE_ENV: 'production' };
  const wanted: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    DRAIN_TIMEOUT_MS: '5000',
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    NEXTAUTH_SECRET: options.secret,
    ALLOWED_ORIGINS: options.allowedOrigins?.join(','),
    ...options.env,
  };
  for (const [name, value] of Object.entries(wanted)) if (value !== undefined) env[name] = value;

  // `node --import tsx` rather than the tsx CLI: one process, so the pid and signals are the server's own.
  const command = [process.execPath, '--import', 'tsx', MAIN];
  // setpriv gives the replica a parent-death signal: a SIGKILLed test worker leaves no server behind.
  const [file, ...args] = existsSync(SETPRIV)
    ? [SETPRIV, '--pdeathsig', 'SIGKILL', '--', ...command]
    : command;
  const child = spawn(file as string, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);

  let output = '';
  let port: number | undefined;
  const portListeners = new Set<(port: number) => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    port ??= listeningPort(output);
    if (port !== undefined) for (const notify of portListeners) notify(port);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<ReplicaExit>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      // Let the pipes deliver what the process printed last.
      setImmediate(() => resolve({ code, signal, output }));
    });
  });

  return {
    child,
    exited,
    output: () => output,
    untilListening(timeoutMs: number): Promise<number> {
      return new Promise((resolve, reject) => {
        if (port !== undefined) return resolve(port);
        const timer = setTimeout(
          () => reject(new Error(`replica did not listen within ${timeoutMs} ms`)),
          timeoutMs,
        );
        portListeners.add((p) => {
          clearTimeout(timer);
          resolve(p);
        });
        exited.then((exit) => {
          clearTimeout(timer);
          reject(new Error(`replica exited (code ${exit.code}, signal ${exit.signal}) before listening`));
        });
      });
    },
    /** Resolves once the process exited by itself; rejects if it still runs after `timeoutMs`. */
    untilExit: (timeoutMs: number) =>
      within(exited, timeoutMs, `replica did not exit within ${timeoutMs} ms`),
    stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<ReplicaExit> {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return within(
        exited,
        STOP_TIMEOUT_MS,
        `replica did not exit within ${STOP_TIMEOUT_MS} ms of ${signal}`,
      );
    },
  };
}

function within<T>(promise: Promise<T>, timeoutMs: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The port from the replica's "realtime listening" JSON log line, once it has been printed. */
function listeningPort(output: string): number | undefined {
  for (const line of output.split('\n')) {
    if (!line.includes('"realtime listening"')) continue;
    try {
      const { port } = JSON.parse(line) as { port?: unknown };
      if (typeof port === 'number') return port;
    } catch {
      // The line is still arriving; the next chunk completes it.
    }
  }
  return undefined;
}

async function untilReady(httpUrl: string, proc: ReturnType<typeof spawnReplica>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`replica exited with code ${proc.child.exitCode}`);
    try {
      const res = await fetch(`${httpUrl}/ready`);
      if (res.status === 200) return;
      last = `${res.status} ${await res.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`replica at ${httpUrl} was not ready within ${timeoutMs} ms (last answer: ${last})`);
}
