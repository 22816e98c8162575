import { readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { freePort } from './ports';

export type PostgresServer = {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  /** Fast shutdown: open connections are cut, as in a crash of the database host. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data directory. */
  start(): Promise<void>;
  /** Stops it and deletes its data directory. */
  destroy(): Promise<void>;
};

/**
 * Starts a throwaway PostgreSQL cluster (Debian's binaries) on a free 127.0.0.1 port, for tests
 * that take the database down. The shared server on 5432 must never be stopped. PostgreSQL refuses
 * to run as root, so as root the cluster runs as the `postgres` system user.
 */
export async function startPostgresServer(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const dir = await mkdtemp(join(tmpdir(), 'spotter-pg-'));
  const dataDir = join(dir, 'data');
  const port = await freePort();
  const asOwner = process.getuid?.() === 0 ? ['/usr/sbin/runuser', '-u', 'postgres', '--'] : [];
  if (asOwner.length > 0) {
    const { uid, gid } = await postgresIds();
    await chown(dir, uid, gid);
  }
  await chmod(dir, 0o700);
  const exec = (program: string, args: string[]) => {
    const [command, ...rest] = [...asOwner, join(bin, program), ...args];
    return execa(command as string, rest, { timeout: 60_000 });
  };
  await exec('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = async () => {
    await exec('pg_ctl', ['-D', dataDir, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
  };
  const stop = async () => {
    await exec('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop,
    start,
    async destroy() {
      await stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function postgresBinDir(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error('No PostgreSQL binaries under /usr/lib/postgresql: install postgresql.');
  return join('/usr/lib/postgresql', versions[0], 'bin');
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const { stdout } = await execa('id', ['-u', 'postgres']);
  const { stdout: group } = await execa('id', ['-g', 'postgres']);
  return { uid: Number(stdout.trim()), gid: Number(group.trim()) };
}
