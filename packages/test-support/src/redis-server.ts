import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { freePort } from './ports';
import { type ServerProcess, spawnServer } from './processes';
import { waitUntil } from './wait';

const REDIS_SERVER = '/usr/bin/redis-server';
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

/**
 * Starts a throwaway redis-server on a free 127.0.0.1 port (no persistence) for a test that wants
 * to stop or restart Redis; the shared Redis on 6379 must never be touched. Resolves once the
 * server answers PING. Call stop() in afterAll; a server still running when the process exits (or
 * is killed) is ended anyway.
 */
export async function startRedisServer(extraArgs: string[] = []): Promise<RedisServer> {
  const port = await freePort();
  let server: ServerProcess | undefined;

  const start = async () => {
    if (server) return;
    server = await spawnRedis(port, extraArgs);
  };
  const signal = (name: NodeJS.Signals) => async () => {
    const current = server;
    server = undefined;
    await current?.stop(name);
  };

  await start();
  return { url: `redis://127.0.0.1:${port}`, port, stop: signal('SIGTERM'), kill: signal('SIGKILL'), start };
}

async function spawnRedis(port: number, extraArgs: string[]): Promise<ServerProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const server = spawnServer(REDIS_SERVER, [...args, '--dir', tmpdir(), ...extraArgs], { outputChars: 4000 });
  try {
    await waitUntil(
      async () => {
        if (!server.isRunning()) throw new Error('it exited');
        return answersPing(port);
      },
      { timeoutMs: READY_TIMEOUT_MS, intervalMs: 50, onTimeout: () => new Error('no answer') },
    );
    return server;
  } catch {
    await server.stop('SIGKILL');
    throw new Error(`redis-server on port ${port} did not answer PING:\n${server.output()}`);
  }
}

/** Whether a Redis server answers PING on the port (NOAUTH counts: it is up, only password-protected). */
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
