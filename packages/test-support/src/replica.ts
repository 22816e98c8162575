import { fileURLToPath } from 'node:url';
import { spawnServer } from './processes';
import { builtRealtimeMain } from './realtime-build';
import { untilHttpOk, within } from './wait';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
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
  /** Flags for node itself, before the script (e.g. `--cpu-prof`, which NODE_OPTIONS refuses). */
  nodeArgs?: readonly string[];
};

/**
 * Spawns the built replica (`node apps/realtime/dist/main.js`, as production runs it) on a free port
 * chosen by the OS and resolves once it logged its port and `/ready` answers 200. Rejects with the
 * process output if it exits or does not become ready within 30 s, and at once if it is not built.
 */
export async function startReplica(options: ReplicaOptions): Promise<Replica> {
  const proc = spawnReplica(options);
  try {
    const port = await proc.untilListening(START_TIMEOUT_MS);
    const httpUrl = `http://127.0.0.1:${port}`;
    await untilHttpOk(`${httpUrl}/ready`, {
      timeoutMs: START_TIMEOUT_MS,
      intervalMs: 100,
      isGone: () => (proc.server.isRunning() ? undefined : 'the replica exited'),
    });
    return {
      pid: proc.server.pid,
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
 * The environment is built from scratch (plus PATH), so the test machine's own variables never leak in
 * (NODE_OPTIONS included: no loader or source-map flag the production process would not have).
 * Throws, naming the build command, when apps/realtime/dist/main.js does not exist.
 */
export function spawnReplica(options: ReplicaOptions) {
  const main = builtRealtimeMain();
  const wanted: Record<string, string | undefined> = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    DRAIN_TIMEOUT_MS: '5000',
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    NEXTAUTH_SECRET: options.secret,
    ALLOWED_ORIGINS: options.allowedOrigins?.join(','),
    // Tests post in bursts and sign up many people from 127.0.0.1; a test of a limit sets its own.
    RATE_LIMIT_MULTIPLIER: '1000',
    ...options.env,
  };
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(wanted)) if (value !== undefined) env[name] = value;
  // The whole output: tests read the replica's last log lines (its drain report) from it.
  const server = spawnServer(process.execPath, [...(options.nodeArgs ?? []), main], {
    cwd: REPO_ROOT,
    env,
    graceMs: false,
    outputChars: Number.POSITIVE_INFINITY,
  });
  const exited = server.exited.then((exit): ReplicaExit => ({ ...exit, output: server.output() }));

  return {
    server,
    exited,
    output: server.output,
    /** Resolves with the port from the replica's "realtime listening" log line. */
    untilListening: (timeoutMs: number): Promise<number> =>
      server
        .untilOutput(listeningPort, '"realtime listening" log line', timeoutMs)
        .catch((error: Error) => Promise.reject(new Error(`replica: ${error.message}`))),
    /** Resolves once the process exited by itself; rejects if it still runs after `timeoutMs`. */
    untilExit: (timeoutMs: number) =>
      within(exited, timeoutMs, `replica did not exit within ${timeoutMs} ms`),
    stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<ReplicaExit> {
      void server.stop(signal);
      return within(
        exited,
        STOP_TIMEOUT_MS,
        `replica did not exit within ${STOP_TIMEOUT_MS} ms of ${signal}`,
      );
    },
  };
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
