import { fork } from 'node:child_process';
import { once } from 'node:events';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Cleanup } from '../cleanup';
import type { Attack, AttackName, AttackTarget } from './attacks';

const ATTACKER_NICENESS = 10;
/** How long a stopping attacker may take to report before it is killed. */
const STOP_WAIT_MS = 15_000;

/** Starts `name` in a child process (see attacker-process.ts); resolves once it has begun. */
export async function startAttackerProcess(
  name: AttackName,
  target: AttackTarget,
  seconds: number,
  cleanup: Cleanup,
): Promise<Attack & { pid: number | undefined }> {
  const child = fork(fileURLToPath(new URL('./attacker-process.ts', import.meta.url)), [], {
    // The bench runs under tsx; so does its child.
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // A real attacker's client runs on its own machine; here it shares two cores with the server and
  // the measuring client, so it yields the CPU to them first. Its report says what it managed to send.
  if (child.pid !== undefined) setPriority(child.pid, ATTACKER_NICENESS);
  const stopChild = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  cleanup.defer(stopChild);
  const next = (): Promise<Record<string, unknown>> =>
    Promise.race([
      once(child, 'message').then(([message]) => message as Record<string, unknown>),
      once(child, 'exit').then(([code]) => {
        throw new Error(`the attacker process exited (${String(code)})`);
      }),
    ]);
  const started = next();
  child.send({ start: { name, target, seconds } });
  await started;
  return {
    pid: child.pid,
    async stop() {
      const timer = setTimeout(stopChild, STOP_WAIT_MS);
      try {
        const reply = next();
        child.send({ stop: true });
        return String((await reply).saw);
      } catch (error) {
        return `no report: ${(error as Error).message}`;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
