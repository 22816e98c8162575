import { percentiles } from './percentiles';

/** Client indexes of each room's members; a client is in exactly one room. */
export type Rooms = readonly (readonly number[])[];

export type DeliveryFigures = {
  /** Messages the system accepted (published, or acknowledged by message.send). */
  accepted: number;
  /** Sends that failed (rejected, timed out): their deliveries are not expected. */
  errors: number;
  firstError: string | null;
  expected: number;
  received: number;
  lost: number;
  duplicates: number;
  /** Deliveries to a client outside the message's room. */
  strays: number;
  /** Deliveries whose body carried no send time: refilled from the database instead of the bus. */
  withoutTimestamp: number;
  /** Deliveries of sends that reported a failure (a timeout whose transaction committed anyway). */
  ofFailedSends: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  /** Send → the system's answer (message.send's reply, the publish's), of accepted sends, in ms. */
  answerP50: number | null;
  answerP99: number | null;
  /** From the first send to the last delivery, in ms. */
  spanMs: number;
};

// Pads bodies to the size of a short chat line, so payloads are the size real ones are.
const BODY_CHARS = 96;
const PAD = 'x'.repeat(BODY_CHARS);

/**
 * Counts a phase's deliveries: every message `i` is for the members of one room, and every member must
 * receive it exactly once. The body carries the message's number and its send time (the sender and
 * every receiver live in this process, so performance.now() is one clock), so a receiver needs no
 * lookup to know what arrived and how late. Memory is one byte per (message, member).
 */
export function createDeliveries(options: { tag: string; rooms: Rooms; clients: number; messages: number }) {
  const { tag, rooms, messages } = options;
  const roomSize = Math.max(...rooms.map((members) => members.length));
  const roomOfClient = new Int32Array(options.clients).fill(-1);
  const seatOfClient = new Int32Array(options.clients).fill(-1);
  rooms.forEach((members, room) => {
    members.forEach((client, seat) => {
      roomOfClient[client] = room;
      seatOfClient[client] = seat;
    });
  });
  const roomOfMessage = new Int32Array(messages).fill(-1);
  const seen = new Uint8Array(messages * roomSize);
  const receivers = new Uint16Array(messages);
  const isAccepted = new Uint8Array(messages);
  const latencies = new Float64Array(messages * roomSize);
  const sentAt = new Float64Array(messages);
  const answers = new Float64Array(messages);
  let answerCount = 0;
  const prefix = `bench ${tag} #`;
  const figures = { accepted: 0, errors: 0, duplicates: 0, strays: 0 };
  let latencyCount = 0;
  let withoutTimestamp = 0;
  let firstError: string | null = null;
  let firstSentAt = Number.POSITIVE_INFINITY;
  let lastArrivalAt = 0;

  const count = () => {
    const totals = { expected: 0, received: 0, lost: 0, ofFailedSends: 0 };
    for (let index = 0; index < messages; index++) {
      const got = receivers[index] ?? 0;
      if (isAccepted[index] !== 1) {
        totals.ofFailedSends += got;
        continue;
      }
      const size = rooms[roomOfMessage[index] ?? -1]?.length ?? 0;
      totals.expected += size;
      totals.received += got;
      totals.lost += size - got;
    }
    return totals;
  };

  return {
    tag,
    messages,
    /** The body of message `index` for `room`, sent now. */
    body(index: number, room: number, at: number): string {
      roomOfMessage[index] = room;
      sentAt[index] = at;
      firstSentAt = Math.min(firstSentAt, at);
      // No "@": a body with one may hold a mention, which the server resolves with a query of its own.
      const head = `${prefix}${index} t=${at.toFixed(3)} `;
      return head + PAD.slice(head.length);
    },
    /** The body as the database holds it: no send time (the fan-out phase stores it ahead of time). */
    storedBody(index: number, room: number): string {
      roomOfMessage[index] = room;
      const head = `${prefix}${index} `;
      return head + PAD.slice(head.length);
    },
    /** The system accepted message `index` (answered its send) at `at`. */
    accepted(index: number, at = performance.now()): void {
      figures.accepted++;
      isAccepted[index] = 1;
      // A stored body (the fan-out phase's refills) has no send time.
      const sent = sentAt[index] ?? 0;
      if (sent > 0) answers[answerCount++] = at - sent;
    },
    failed(error: unknown): void {
      figures.errors++;
      firstError ??= error instanceof Error ? error.message : String(error);
    },
    /** Records that `client` received a message with this body at `at`; other phases' bodies are ignored. */
    arrived(client: number, body: string, at: number): void {
      if (!body.startsWith(prefix)) return;
      const index = Number.parseInt(body.slice(prefix.length), 10);
      const room = roomOfMessage[index];
      if (room === undefined || room < 0 || roomOfClient[client] !== room) {
        figures.strays++;
        return;
      }
      const slot = index * roomSize + (seatOfClient[client] ?? 0);
      if (seen[slot] !== 0) {
        figures.duplicates++;
        return;
      }
      seen[slot] = 1;
      receivers[index] = (receivers[index] ?? 0) + 1;
      lastArrivalAt = Math.max(lastArrivalAt, at);
      const stamp = /t=([\d.]+)/.exec(body.slice(prefix.length));
      if (stamp?.[1]) latencies[latencyCount++] = at - Number(stamp[1]);
      else withoutTimestamp++;
    },
    /** Every accepted message reached every member of its room. */
    isComplete(): boolean {
      return count().lost === 0;
    },
    figures(): DeliveryFigures {
      const { expected, received, lost, ofFailedSends } = count();
      const [p50, p95, p99, max] = percentiles(latencies.subarray(0, latencyCount), [50, 95, 99, 100]);
      const [answerP50, answerP99] = percentiles(answers.subarray(0, answerCount), [50, 99]);
      return {
        ...figures,
        firstError,
        expected,
        received,
        lost,
        withoutTimestamp,
        ofFailedSends,
        p50: p50 ?? null,
        p95: p95 ?? null,
        p99: p99 ?? null,
        max: max ?? null,
        answerP50: answerP50 ?? null,
        answerP99: answerP99 ?? null,
        spanMs: lastArrivalAt > firstSentAt ? lastArrivalAt - firstSentAt : 0,
      };
    },
  };
}

export type Deliveries = ReturnType<typeof createDeliveries>;
