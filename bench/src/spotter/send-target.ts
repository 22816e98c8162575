import { randomUUID } from 'node:crypto';
import type { BenchRoom } from '../environment';
import type { Target } from '../phase';
import { WireCallError } from './wire-client';
import type { WireClients } from './wire-clients';

const ATTEMPT_TIMEOUT_MS = 10_000;
const MAX_ATTEMPTS = 5;
const GIVE_UP_AFTER_MS = 30_000;
/** Answers that mean "not now, nothing was saved": a client tries again (the docs say so). */
const RETRYABLE_CODES = new Set(['SERVICE_UNAVAILABLE', 'TOO_MANY_REQUESTS', 'TIMEOUT']);

/**
 * The whole path: members send with `message.send` over their own WebSocket (the replica writes the
 * message and its event in one transaction, then publishes), senders taking turns in each room.
 * Each send carries a nonce and is retried as the README tells programs to — on "try again later"
 * answers and lost sockets, a few times, never twice stored — so the latency is the one a person
 * sees, from the first attempt; a send still refused after that counts as an error.
 */
export function sendTarget(options: {
  clients: WireClients;
  replicaPids: readonly number[];
  rooms: readonly BenchRoom[];
  /** Every message into the first room: how many sends/s one channel's stream takes. */
  isHot?: boolean;
}): Target & { retries(): number } {
  const rooms = options.isHot ? options.rooms.slice(0, 1) : options.rooms;
  let retries = 0;
  return {
    name: options.isHot ? 'Spotter one hot channel (message.send)' : 'Spotter whole path (message.send)',
    ...(options.isHot ? { roomCount: 1 } : {}),
    serverPids: options.replicaPids,
    retries: () => retries,
    async send(deliveries, index, room) {
      const { channelId, members } = rooms[room] as BenchRoom;
      const sender = members[Math.floor(index / rooms.length) % members.length] ?? 0;
      const client = options.clients.clients[sender];
      if (!client) throw new Error(`no client ${sender}`);
      const input = { channelId, body: deliveries.body(index, room, performance.now()), nonce: randomUUID() };
      const startedAt = performance.now();
      for (let attempt = 1; ; attempt++) {
        try {
          return await client.call('mutation', 'message.send', input, ATTEMPT_TIMEOUT_MS);
        } catch (error) {
          const isLastChance = attempt >= MAX_ATTEMPTS || performance.now() - startedAt > GIVE_UP_AFTER_MS;
          if (isLastChance || !isRetryable(error)) throw error;
          retries++;
          await new Promise((resolve) => setTimeout(resolve, Math.min(200 * attempt, 2_000)));
        }
      }
    },
  };
}

/** A refusal the server asks to retry, or a transport failure (no code: the socket or the timeout). */
function isRetryable(error: unknown): boolean {
  if (!(error instanceof WireCallError)) return true;
  return error.code === undefined || RETRYABLE_CODES.has(error.code);
}
