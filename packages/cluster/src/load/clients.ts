import { randomUUID } from 'node:crypto';
import { createSpotterClient, type SpotterClient } from '@spotter/api/client';
import { createPrismaClient } from '@spotter/db';
import { createUserWithToken } from '@spotter/test-support';
import type { Changes } from './changes';

/** A `message.created` event as one client received it; `at` is performance.now(). */
export type Arrival = { seq: number; nonce: string | null; at: number };

export type ConnectionChange = 'disconnected' | 'reconnect-requested' | 'reconnected';

/** One person's typed client: its own WebSocket through the proxy, subscribed to one channel. */
export type LoadClient = {
  index: number;
  name: string;
  channel: LoadChannel;
  trpc: SpotterClient['trpc'];
  arrivals: Arrival[];
  /** Errors the subscription ended with (it should never end). */
  errors: unknown[];
  isConnected: boolean;
  /** The socket was lost after having been open. */
  disconnects: number;
  /** The server sent tRPC's reconnect notification (a draining replica). */
  reconnectRequests: number;
  /** The socket opened again after a loss. */
  reconnects: number;
  close(): Promise<void>;
};

export type LoadChannel = { index: number; id: string; members: LoadClient[] };

export type ConnectOptions = {
  wsUrl: string;
  databaseUrl: string;
  secret: string;
  clients: number;
  channels: number;
  changes: Changes;
  onConnectionChange?: (client: LoadClient, change: ConnectionChange, at: number) => void;
};

const RECONNECT_REQUESTED = 'Server requested reconnect';

/**
 * Creates `clients` users with session tokens, connects each through `wsUrl`, puts client i in
 * fresh channel i % `channels` (created by its first member, joined by the rest) and subscribes it
 * to `channel.onEvent`. Arrivals and connection changes are recorded as they happen.
 */
export async function connectLoadClients(options: ConnectOptions): Promise<LoadChannel[]> {
  const run = randomUUID().slice(0, 8);
  const prisma = createPrismaClient(options.databaseUrl);
  const users = await Promise.all(
    Array.from({ length: options.clients }, (_, i) =>
      createUserWithToken(prisma, options.secret, `Lifter${i + 1}`),
    ),
  ).finally(() => prisma.$disconnect());

  const channels: LoadChannel[] = Array.from({ length: options.channels }, (_, index) => ({
    index,
    id: '',
    members: [],
  }));
  const clients = users.map(({ token, session }, index) => {
    const channel = channels[index % options.channels] as LoadChannel;
    // The bot-safe client: a quick fixed retry, as a reconnect through nginx lands on a live replica at once.
    const connection = createSpotterClient({ wsUrl: options.wsUrl, token, retryDelayMs: () => 200 });
    const client: LoadClient = {
      index,
      name: session.name,
      channel,
      trpc: connection.trpc,
      arrivals: [],
      errors: [],
      isConnected: false,
      disconnects: 0,
      reconnectRequests: 0,
      reconnects: 0,
      close: async () => connection.close(),
    };
    channel.members.push(client);
    return client;
  });

  for (const channel of channels) {
    const [owner, ...others] = channel.members;
    if (!owner)
      throw new Error(`channel ${channel.index} has no members: use at least as many clients as channels`);
    channel.id = (await owner.trpc.channel.create.mutate({ name: `load ${run} ${channel.index}` })).id;
    await Promise.all(others.map((c) => c.trpc.channel.join.mutate({ channelId: channel.id })));
  }
  for (const client of clients) subscribe(client, options);
  return channels;
}

function subscribe(client: LoadClient, options: ConnectOptions) {
  const changed = (change: ConnectionChange) => {
    options.onConnectionChange?.(client, change, performance.now());
    options.changes.notify();
  };
  client.trpc.channel.onEvent.subscribe(
    { channelId: client.channel.id },
    {
      onData({ id, data }) {
        if (data.type !== 'message.created') return;
        client.arrivals.push({ seq: Number(id), nonce: data.message.nonce, at: performance.now() });
        options.changes.notify();
      },
      onError(error) {
        client.errors.push(error);
        options.changes.notify();
      },
      onConnectionStateChange(state) {
        if (state.state === 'pending') {
          if (client.isConnected) return;
          client.isConnected = true;
          if (client.disconnects > 0) {
            client.reconnects++;
            changed('reconnected');
          }
        } else if (state.state === 'connecting' && state.error) {
          if (state.error.message === RECONNECT_REQUESTED) {
            client.reconnectRequests++;
            changed('reconnect-requested');
          }
          if (!client.isConnected) return;
          client.isConnected = false;
          client.disconnects++;
          changed('disconnected');
        }
      },
    },
  );
}
