import { constants } from 'node:fs';
import { access, chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isListening, type ServerProcess, spawnServer, waitUntil } from '@spotter/test-support';
import { renderNginxConfig } from '../../../deploy/nginx/render.mjs';
import { childPids, connectionsFrom } from './connections';

const NGINX = '/usr/sbin/nginx';
const START_TIMEOUT_MS = 10_000;

export type Nginx = {
  port: number;
  /** `http://127.0.0.1:<port>`. */
  url: string;
  pid: number;
  /** The rendered config, logs and temp files live here; removed by stop(). */
  dir: string;
  /** nginx's error log so far (upstream failures show up here), for failure messages. */
  errorLog(): Promise<string>;
  /** How many connections nginx's workers hold open to 127.0.0.1:`port` (an upstream) right now. */
  connectionsTo(port: number): Promise<number>;
  stop(): Promise<void>;
};

export type NginxUpstreams = {
  /** Two primaries and the backup, `127.0.0.1:<port>`. */
  realtime: [string, string, string];
  web: [string, string];
};

/**
 * Runs the production proxy rules (deploy/nginx) in the foreground on 127.0.0.1:`port`, from a
 * throwaway prefix directory, and resolves once it accepts connections. Whether it proxies is for
 * the caller to check: that depends on the upstreams being up.
 */
export async function startNginx(port: number, upstreams: NginxUpstreams): Promise<Nginx> {
  if (!(await isExecutable(NGINX)))
    throw new Error(`${NGINX} is missing: install it with \`apt-get install -y nginx\``);
  const dir = await mkdtemp(join(tmpdir(), 'spotter-nginx-'));
  // Run as root, nginx's workers drop to "nobody", which must reach the temp paths inside `dir`.
  await chmod(dir, 0o755);
  const config = await renderNginxConfig(dir, { listen: `127.0.0.1:${port}`, ...upstreams });
  const errorLogPath = join(dir, 'logs/error.log');
  // -e: nginx opens its error log before reading the config; the default path is not ours to write.
  const proc = spawnServer(NGINX, ['-e', errorLogPath, '-p', dir, '-c', config], {
    cwd: dir,
    env: {},
    deathSignal: 'SIGTERM',
    // SIGTERM is nginx's fast shutdown: open WebSockets are cut, as when a proxy dies.
    graceMs: 5_000,
  });
  const errorLog = () => readFile(errorLogPath, 'utf8').catch(() => '');
  try {
    await untilListening(port, proc);
  } catch (error) {
    await proc.stop('SIGKILL');
    const log = await errorLog();
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n--- nginx output ---\n${proc.output()}\n${log}`);
  }
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    pid: proc.pid,
    dir,
    errorLog,
    connectionsTo: async (upstreamPort) => connectionsFrom(await childPids(proc.pid), upstreamPort),
    async stop() {
      await proc.stop('SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function untilListening(port: number, proc: ServerProcess): Promise<void> {
  return waitUntil(
    () => {
      if (!proc.isRunning()) throw new Error(`nginx exited before listening on 127.0.0.1:${port}`);
      return isListening(port);
    },
    {
      timeoutMs: START_TIMEOUT_MS,
      intervalMs: 50,
      onTimeout: () => new Error(`nginx did not listen on 127.0.0.1:${port} within ${START_TIMEOUT_MS} ms`),
    },
  );
}

async function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}
