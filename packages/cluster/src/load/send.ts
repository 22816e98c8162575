import { randomUUID } from 'node:crypto';
import { TRPCClientError } from '@trpc/client';
import type { LoadClient } from './clients';

/** One message of the conversation, from its first attempt to the server's acknowledgement. */
export type SentMessage = {
  channel: number;
  nonce: string;
  /** performance.now() of the first attempt: "sent after the fault" compares this. */
  firstAttemptAt: number;
  attempts: number;
  seq?: number;
  ackedAt?: number;
  /** The last error, when the send was never acknowledged. */
  error?: string;
};

/** Mistakes in the request itself: sending it again cannot help. */
const FINAL_CODES = new Set(['BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND']);
const ATTEMPT_TIMEOUT_MS = 5_000;
const MAX_ATTEMPTS = 40;
const GIVE_UP_AFTER_MS = 30_000;

/**
 * Sends one message through `client`, retrying with the SAME nonce when the attempt fails for a
 * reason a retry can fix (its socket died, the replica was draining, the database was briefly away).
 * The server stores a nonce once, so a retry of a send that did commit posts nothing twice. Bounded
 * by attempts and by time; a send that gives up stays unacknowledged and the verdict says so.
 */
export async function sendWithRetry(client: LoadClient, message: SentMessage, body: string): Promise<void> {
  while (message.attempts < MAX_ATTEMPTS && performance.now() - message.firstAttemptAt < GIVE_UP_AFTER_MS) {
    message.attempts++;
    try {
      const stored = await client.trpc.message.send.mutate(
        { channelId: client.channel.id, body, nonce: message.nonce },
        { signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS) },
      );
      message.seq = stored.seq;
      message.ackedAt = performance.now();
      message.error = undefined;
      return;
    } catch (error) {
      message.error = error instanceof Error ? error.message : String(error);
      if (error instanceof TRPCClientError && FINAL_CODES.has(error.data?.code)) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(100 * message.attempts, 1_000)));
    }
  }
}

export function newMessage(channel: number): SentMessage {
  return { channel, nonce: randomUUID(), firstAttemptAt: performance.now(), attempts: 0 };
}
