import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Redis from 'ioredis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isListening } from './ports';
import { type RedisServer, startRedisServer } from './redis-server';

const servers: RedisServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

async function started(extraArgs: string[] = []) {
  const server = await startRedisServer(extraArgs);
  servers.push(server);
  return server;
}

/** Sends one inline command over a bare socket and resolves with the first reply line. */
function rawReply(port: number, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(`${command}\r\n`));
    let reply = '';
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (!reply.includes('\r\n')) return;
      socket.destroy();
      resolve(reply.split('\r\n')[0] ?? '');
    });
    socket.once('error', reject);
  });
}

async function ping(url: string): Promise<string> {
  const client = new Redis(url, { lazyConnect: true, retryStrategy: () => null });
  try {
    await client.connect();
    return await client.ping();
  } finally {
    client.disconnect();
  }
}

describe('startRedisServer', () => {
  it('starts a private, non-persistent server that answers PING', async () => {
    const server = await started();
    expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
    expect(server.port).not.toBe(6379);
    expect(await ping(server.url)).toBe('PONG');
    const client = new Redis(server.url);
    try {
      expect(await client.config('GET', 'save')).toEqual(['save', '']);
      expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'no']);
    } finally {
      client.disconnect();
    }
  });

  it.each(['stop', 'kill'] as const)('restarts on the same port after %s()', async (how) => {
    const server = await started();
    await server[how]();
    expect(await isListening(server.port)).toBe(false);

    await server.start();

    expect(await ping(server.url)).toBe('PONG');
  });

  it('passes extra arguments through', async () => {
    const server = await started(['--requirepass', 'secret']);
    expect(await rawReply(server.port, 'PING')).toMatch(/^-NOAUTH/);
    expect(await ping(`redis://:secret@127.0.0.1:${server.port}`)).toBe('PONG');
  });

  it('leaves no server behind when the process that started it is killed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redis-server-test-'));
    const script = join(dir, 'orphan.mts');
    const helper = fileURLToPath(new URL('./redis-server.ts', import.meta.url));
    writeFileSync(
      script,
      `import { startRedisServer } from ${JSON.stringify(helper)};\n` +
        `const server = await startRedisServer();\n` +
        `process.stdout.write(String(server.port) + '\\n');\n` +
        `setInterval(() => {}, 1000);\n`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
      child.once('exit', (code) => reject(new Error(`the script exited with ${code} before starting Redis`)));
    });
    expect(await isListening(port)).toBe(true);

    child.kill('SIGKILL');

    await vi.waitFor(async () => expect(await isListening(port)).toBe(false), {
      timeout: 5000,
      interval: 50,
    });
  });
});
