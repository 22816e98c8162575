import { readdir, readFile, readlink } from 'node:fs/promises';

const ESTABLISHED = '01';

/**
 * How many TCP connections the processes `pids` hold open to 127.0.0.1:`port` right now, read from
 * the kernel (/proc). With nginx's worker pids and a realtime replica's port this is how many
 * proxied WebSockets that replica serves (the realtime upstream keeps no idle keepalive connections),
 * so a test can kill "a replica that has clients" without the replica reporting anything. Our own
 * process's probes and keep-alive fetches to the replica are not counted: they are not nginx's.
 */
export async function connectionsFrom(pids: number[], port: number): Promise<number> {
  const inodes = new Set<string>();
  for (const pid of pids) for (const inode of await socketInodes(pid)) inodes.add(inode);
  const table = await readFile('/proc/net/tcp', 'utf8');
  let count = 0;
  for (const line of table.split('\n').slice(1)) {
    // "sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode", addresses "0100007F:1F90".
    const fields = line.trim().split(/\s+/);
    const [remote, state, inode] = [fields[2], fields[3], fields[9]];
    if (!remote || state !== ESTABLISHED || !inode || !inodes.has(inode)) continue;
    if (Number.parseInt(remote.split(':')[1] ?? '', 16) === port) count++;
  }
  return count;
}

/** The pids of `parent`'s direct children (nginx's workers, for its master). */
export async function childPids(parent: number): Promise<number[]> {
  // One small file per thread where the kernel offers it; scanning every process is slow on a busy machine.
  const listed = await readFile(`/proc/${parent}/task/${parent}/children`, 'utf8').catch(() => null);
  if (listed !== null) return listed.split(' ').filter(Boolean).map(Number);
  const children: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // "pid (comm) state ppid …"; comm may contain spaces and parentheses, so split after the last ")".
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === parent) children.push(Number(entry));
  }
  return children;
}

async function socketInodes(pid: number): Promise<string[]> {
  const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
  const targets = await Promise.all(fds.map((fd) => readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')));
  return targets.flatMap((target) => /^socket:\[(\d+)\]$/.exec(target)?.[1] ?? []);
}
