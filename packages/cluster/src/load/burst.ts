import type { LoadChannel } from './clients';
import { newMessage, type SentMessage, sendWithRetry } from './send';

export type BurstOptions = {
  /** Messages each channel gets. */
  perChannel: number;
  /** Pace: message i of every channel is first attempted `i * intervalMs` after the start. */
  intervalMs: number;
};

/**
 * A steady, bounded burst: every channel gets `perChannel` messages at a fixed pace, its members
 * taking turns to send. Sends are not serialized: one stuck in retries (its socket died) does not
 * hold back the pace of the others. `record` sees each message as it starts and `onSettled` once it is acknowledged or given up; resolves when every
 * send was acknowledged or gave up.
 */
export async function runBurst(
  channels: LoadChannel[],
  options: BurstOptions,
  record: (message: SentMessage) => void,
  onSettled: (message: SentMessage) => void,
): Promise<void> {
  const start = performance.now();
  const sends: Promise<void>[] = [];
  for (let i = 0; i < options.perChannel; i++) {
    const due = start + i * options.intervalMs;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    for (const channel of channels) {
      const sender = channel.members[i % channel.members.length];
      if (!sender) continue;
      const message = newMessage(channel.index);
      record(message);
      const body = `set ${i + 1} of ${options.perChannel}`;
      sends.push(sendWithRetry(sender, message, body).then(() => onSettled(message)));
    }
  }
  await Promise.all(sends);
}
