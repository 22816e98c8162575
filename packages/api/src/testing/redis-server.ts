import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';

const REDIS_SERVER = '/usr/bin/redis-server';
const SETPRIV = '/usr/bin/setpriv';
const READY_TIMEOUT_MS = 10_000;

export type RedisServer = {
  url: string;
  port: number;
  /** SIGTERM (a clean shutdown: clients see their connections closed) and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL: a crash; clients notice only through their sockets. */
  kill(): Promise<void>;
  /** Starts it again on the same port after stop()/kill(); resolves once it answers PING. */
  start(): Promise<void>;
};

/** Every server this process started and has not stopped; killed when the process exits. */
const running = new Set<ChildProcess>();
let isExitHookInstalled = false;

/**
 * Starts a throwaway redis-server on a free 127.0.0.1 port (no persistence) for a test that wants
 * to stop or restart Redis; the shared Redis on 6379 must never be touched. Resolves once the
 * server answers PING. Call stop() in afterAll; a server still running when the process exits is
 * killed anyway.
 */
export async function startRedisServer(extraArgs: string[] = []): Promise<RedisServer> {
  installExitHook();
  const port = await findFreePort();
  let child: ChildProcess | undefined;

  const start = async () => {
    if (child) return;
    child = await spawnRedis(port, extraArgs);
  };
  const signal = (name: NodeJS.Signals) => async () => {
    const current = child;
    child = undefined;
    if (current) await terminate(current, name);
  };

  await start();
  return { url: `redis://127.0.0.1:${port}`, port, stop: signal('SIGTERM'), kill: signal('SIGKILL'), start };
}

async function spawnRedis(port: number, extraArgs: string[]): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const command = [REDIS_SERVER, ...args, '--dir', tmpdir(), ...extraArgs];
  // setpriv execs redis-server with a parent-death signal, so even a SIGKILLed test worker (which
  // runs no "exit" handler) leaves no server behind. The child's pid is redis-server's own.
  const [file, ...rest] = existsSync(SETPRIV)
    ? [SETPRIV, '--pdeathsig', 'SIGKILL', '--', ...command]
    : command;
  const child = spawn(file as string, rest, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => running.delete(child));
  child.once('error', (err) => {
    output += `\n${err.message}`;
  });

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) break;
    if (await answersPing(port)) return child;
    await Promise.race([exited, delay(50)]);
  }
  child.kill('SIGKILL');
  await exited;
  throw new Error(`redis-server on port ${port} did not answer PING:\n${output}`);
}

async function terminate(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await exited;
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    const done = (isUp: boolean) => {
      socket.destroy();
      resolve(isUp);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG') || reply.startsWith('-NOAUTH'));
    });
  });
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not find a free port'));
      });
    });
  });
}

function installExitHook() {
  if (isExitHookInstalled) return;
  isExitHookInstalled = true;
  // "exit" handlers must be synchronous: a signal is all there is time for.
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
