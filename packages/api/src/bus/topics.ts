import { z } from 'zod';
import { type PlainJson, parseFast, parsePlainJson, stringifyFast, toPlainJson } from '../plain-superjson';
import { StreamEvent } from '../streams/events';

/**
 * Every bus topic and its payload schema live here, so publishers and subscribers
 * cannot disagree on a name or a shape. Payloads travel inside a versioned envelope;
 * a replica that receives a version or shape it does not know drops it (see decodeEnvelope).
 */
const WIRE_VERSION = 1;
/** Stream events' own envelope: see encodeEnvelope. */
const STREAM_WIRE_VERSION = 2;
const STREAM_ENVELOPE_START = `{"v":${STREAM_WIRE_VERSION},`;

/** A durable event of one stream, published after the commit that stored it. */
export const StreamPublication = z.object({ streamId: z.string(), event: StreamEvent });
export type StreamPublication = z.infer<typeof StreamPublication>;

/** Ephemeral: never stored, never replayed. */
export const TypingEvent = z.object({
  channelId: z.string(),
  userId: z.string(),
  userName: z.string(),
  isTyping: z.boolean(),
});
export type TypingEvent = z.infer<typeof TypingEvent>;

/** Ephemeral: one user's combined presence changed (see presence/status.ts); one publish per change. */
export const PresenceChange = z.object({
  userId: z.string(),
  status: z.enum(['online', 'idle', 'dnd', 'offline']),
});
export type PresenceChange = z.infer<typeof PresenceChange>;
/** Sign-ins and API tokens that were just revoked: every replica forgets them and closes their sockets. */
export const CredentialsRevoked = z.object({
  userId: z.string(),
  sessionIds: z.array(z.string()).max(10_000),
  tokenIds: z.array(z.string()).max(10_000),
});
export type CredentialsRevoked = z.infer<typeof CredentialsRevoked>;

const payloadSchemas = {
  'stream-events': StreamPublication,
  'channel-typing': TypingEvent,
  'user-presence': PresenceChange,
  'credentials-revoked': CredentialsRevoked,
} as const;

export type TopicKind = keyof typeof payloadSchemas;

/**
 * Durable topics announce something the database already holds: a publish that failed is worth
 * re-sending once the bus is back, so subscribers learn of it (and fill the gap) without waiting
 * for the next event. Ephemeral ones (typing) are stale by then and are never re-sent.
 */
export function isDurable(kind: TopicKind): boolean {
  // A revocation the bus missed still holds (the database says so); re-sending it closes the sockets.
  return kind === 'stream-events' || kind === 'credentials-revoked';
}
export type TopicPayload<K extends TopicKind> = z.infer<(typeof payloadSchemas)[K]>;
export type Topic<K extends TopicKind = TopicKind> = { readonly kind: K; readonly name: string };

export const topics = {
  /** Every durable event of one stream (see streams/stream-ids.ts). */
  stream: (streamId: string): Topic<'stream-events'> => ({
    kind: 'stream-events',
    name: `spotter:stream:${streamId}`,
  }),
  /** One process-wide topic: revocations are rare, and every replica must hear all of them. */
  credentialsRevoked: (): Topic<'credentials-revoked'> => ({
    kind: 'credentials-revoked',
    name: 'spotter:credentials:revoked',
  }),
  channelTyping: (channelId: string): Topic<'channel-typing'> => ({
    kind: 'channel-typing',
    name: `spotter:channel:${channelId}:typing`,
  }),
  /** One user's presence: each replica subscribes for the people its clients may see. */
  presence: (userId: string): Topic<'user-presence'> => ({
    kind: 'user-presence',
    name: `spotter:presence:${userId}`,
  }),
};

/**
 * Serializes a payload once per publish; superjson's format keeps Dates intact across processes. `at` (ms)
 * lets every receiving replica measure fan-out latency.
 *
 * A stream event goes in an envelope of its own (version 2): a line of JSON with the routing
 * fields and the Dates' paths, a newline, then the event's own JSON. Every replica parses it once
 * and frames it for its subscribers from the very text that arrived (see stringifyTracked),
 * instead of serializing it again. A replica of the previous version drops such a message as
 * undecodable and, being durable, the event reaches its subscribers from the database at the next
 * one, as after any lost publish; this version still reads version 1.
 */
export function encodeEnvelope<K extends TopicKind>(kind: K, payload: TopicPayload<K>): string {
  if (kind === 'stream-events') {
    const { streamId, event } = payload as StreamPublication;
    const plain = toPlainJson(event);
    if (plain) {
      const head = { v: STREAM_WIRE_VERSION, at: Date.now(), streamId, dates: plain.dates };
      return `${JSON.stringify(head)}\n${plain.json}`;
    }
  }
  return stringifyFast({ v: WIRE_VERSION, at: Date.now(), payload });
}

/** Returns the parsed payload, or an error string naming why it was rejected. */
export function decodeEnvelope<K extends TopicKind>(
  kind: K,
  raw: string,
): { ok: true; payload: TopicPayload<K>; publishedAt: number | null } | { ok: false; error: string } {
  if (kind === 'stream-events' && raw.startsWith(STREAM_ENVELOPE_START))
    return decodeStreamEnvelope(raw) as ReturnType<typeof decodeEnvelope<K>>;
  let envelope: unknown;
  try {
    envelope = parseFast(raw);
  } catch {
    return { ok: false, error: 'payload is not valid superjson' };
  }
  const version = (envelope as { v?: unknown } | null)?.v;
  if (version !== WIRE_VERSION) return { ok: false, error: `unknown envelope version ${String(version)}` };
  const payload = (envelope as { payload: unknown }).payload;
  if (kind === 'stream-events') {
    if (!isStreamPublication(payload)) return { ok: false, error: 'payload does not match stream-events' };
    return { ok: true, payload: payload as TopicPayload<K>, publishedAt: publishedAtOf(envelope) };
  }
  const parsed = payloadSchemas[kind].safeParse(payload);
  if (!parsed.success) return { ok: false, error: `payload does not match ${kind}: ${parsed.error.message}` };
  return { ok: true, payload: parsed.data as TopicPayload<K>, publishedAt: publishedAtOf(envelope) };
}

function decodeStreamEnvelope(
  raw: string,
): { ok: true; payload: StreamPublication; publishedAt: number | null } | { ok: false; error: string } {
  const newline = raw.indexOf('\n');
  if (newline < 0) return { ok: false, error: 'stream envelope is not two lines of JSON' };
  let head: { streamId?: unknown; dates?: unknown };
  let event: unknown;
  try {
    head = JSON.parse(raw.slice(0, newline)) as typeof head;
    const dates = head.dates;
    if (!Array.isArray(dates) || !dates.every((path) => typeof path === 'string'))
      return { ok: false, error: 'stream envelope without the paths of its Dates' };
    event = parsePlainJson({ json: raw.slice(newline + 1), dates } satisfies PlainJson);
  } catch {
    return { ok: false, error: 'stream envelope is not two lines of JSON' };
  }
  const payload = { streamId: head.streamId, event };
  if (!isStreamPublication(payload)) return { ok: false, error: 'payload does not match stream-events' };
  return { ok: true, payload: payload as StreamPublication, publishedAt: publishedAtOf(head) };
}

function publishedAtOf(envelope: unknown): number | null {
  const at = (envelope as { at?: unknown }).at;
  return typeof at === 'number' ? at : null;
}

const STREAM_EVENT_TYPES: ReadonlySet<string> = new Set(
  StreamEvent.options.map((option) => option.shape.type.value),
);

/**
 * Stream events are written only by Spotter's own processes at the same wire version, after their
 * own schema made them, and every process decodes every event of the streams it serves: what routing
 * them needs is checked here (the stream, a known type, a seq), not every field — the full schema
 * check cost a tenth of the fan-out's CPU. Other topics are rare and checked whole.
 */
function isStreamPublication(payload: unknown): boolean {
  const candidate = payload as { streamId?: unknown; event?: { type?: unknown; seq?: unknown } } | null;
  const event = candidate?.event;
  return (
    typeof candidate?.streamId === 'string' &&
    typeof event === 'object' &&
    event !== null &&
    typeof event.type === 'string' &&
    STREAM_EVENT_TYPES.has(event.type) &&
    Number.isSafeInteger(event.seq) &&
    (event.seq as number) > 0
  );
}
