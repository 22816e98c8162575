import { type BurstOptions, runBurst } from './burst';
import { Changes } from './changes';
import { type ConnectionChange, connectLoadClients, type LoadClient } from './clients';
import { newMessage, type SentMessage, sendWithRetry } from './send';
import { judge, type Verdict } from './verdict';

export type ConversationOptions = {
  /** The proxy's `ws://…/ws`: every client gets its own socket through it. */
  wsUrl: string;
  databaseUrl: string;
  secret: string;
  clients: number;
  channels: number;
  onConnectionChange?: (client: LoadClient, change: ConnectionChange, at: number) => void;
};

const LIVE_TIMEOUT_MS = 30_000;

/**
 * A conversation to put under a fault: K clients in several fresh channels, a warm-up message that
 * proves every subscription live, a paced burst, a fault instant, and a verdict.
 */
export async function startConversation(options: ConversationOptions) {
  const changes = new Changes();
  const channels = await connectLoadClients({ ...options, changes });
  const clients = channels.flatMap((c) => c.members);
  const messages: SentMessage[] = [];
  let faultAt: number | null = null;
  const acked = () => messages.filter((m) => m.seq !== undefined).length;

  const hasEverything = (client: LoadClient) => {
    const received = new Set(client.arrivals.map((a) => a.seq));
    return messages.every(
      (m) => m.channel !== client.channel.index || m.seq === undefined || received.has(m.seq),
    );
  };
  const missing = () => {
    const behind = clients.filter((c) => !hasEverything(c));
    return `${behind.length} clients still miss messages (e.g. ${behind[0]?.name}: has ${behind[0]?.arrivals.length})`;
  };

  return {
    channels,
    clients,
    messages,
    /** How many sends the server acknowledged so far. */
    acked,

    /**
     * One message per channel, then waits until every client has received its channel's: a
     * subscription yields live events only once it is subscribed to the bus and has read history.
     */
    async warmUp(): Promise<void> {
      await Promise.all(
        channels.map(async (channel) => {
          const message = newMessage(channel.index);
          messages.push(message);
          await sendWithRetry(channel.members[0] as LoadClient, message, 'warm-up');
          changes.notify();
        }),
      );
      await changes.until(
        'every client to receive the warm-up message',
        () => clients.every(hasEverything),
        LIVE_TIMEOUT_MS,
        missing,
      );
    },

    /** Starts the burst; await the result to know every send settled. */
    burst(burst: BurstOptions): Promise<void> {
      return runBurst(
        channels,
        burst,
        (m) => {
          messages.push(m);
          changes.notify();
        },
        () => changes.notify(),
      );
    },

    /** Resolves once the burst has started at least `count` sends (bounded by `timeoutMs`). */
    untilStarted(count: number, timeoutMs = 30_000): Promise<void> {
      return changes.until(`${count} started sends`, () => messages.length >= count, timeoutMs);
    },

    /** Resolves once at least `count` sends were acknowledged (bounded by `timeoutMs`). */
    untilAcked(count: number, timeoutMs = 30_000): Promise<void> {
      return changes.until(
        `${count} acknowledged sends`,
        () => acked() >= count,
        timeoutMs,
        () => `${acked()} of ${messages.length} started sends acknowledged`,
      );
    },

    /** The fault instant that recovered_ms counts from: call it right before injecting the fault. */
    markFault(): number {
      faultAt = performance.now();
      return faultAt;
    },

    /** Resolves once every client has every acknowledged message of its channel, or rejects after `timeoutMs`. */
    untilDelivered(timeoutMs = 30_000): Promise<void> {
      return changes.until(
        'every client to receive every acknowledged message',
        () => clients.every(hasEverything),
        timeoutMs,
        missing,
      );
    },

    verdict(): Verdict {
      return judge(channels, messages, faultAt);
    },

    async close(): Promise<void> {
      await Promise.all(clients.map((c) => c.close()));
    },
  };
}

export type Conversation = Awaited<ReturnType<typeof startConversation>>;
