import { type AttackName, type AttackTarget, startAttack } from './attacks';

/**
 * One attack in a process of its own (see run-attacker.ts): the healthy client's latency is measured
 * in the bench process, so an attacker there would slow down the measuring clock's event loop too
 * (building 10 MB frames, driving 2,000 sends/s) and be counted as the server's slowness. Its own
 * process shares only the machine with the healthy client, as a real attacker would.
 *
 * Protocol over the IPC channel: { start: { name, target, seconds } } → { started: true };
 * { stop: true } → { saw: string }, then it exits.
 */
type Command = { start: { name: AttackName; target: AttackTarget; seconds: number } } | { stop: true };

let attack: { stop(): Promise<string> } | null = null;

process.on('message', (command: Command) => {
  if ('start' in command) {
    const { name, target, seconds } = command.start;
    attack = startAttack(name, target, seconds);
    process.send?.({ started: true });
    return;
  }
  const report = (saw: string) => process.send?.({ saw }, undefined, {}, () => process.exit(0));
  void (attack?.stop() ?? Promise.resolve('never started')).then(report, (error: Error) =>
    report(`the attack failed: ${error.message}`),
  );
});
// The bench went away (Ctrl-C, a crash): so does the attacker.
process.on('disconnect', () => process.exit(0));
