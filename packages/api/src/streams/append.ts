import { type Prisma, type Transaction, takeStreamSeqs } from '@spotter/db';
import type { EventDraft, StreamEvent } from './events';

export { takeStreamSeqs };

/**
 * Appends events to a stream inside the caller's transaction: they take the stream's next seqs
 * (under its row lock, so seqs are gapless and commit in order) and are stored with the change they
 * describe. Publish them only after the commit (publishEvents). Writers that touch several streams
 * take channel streams before user streams, each group in id order, so two writers never deadlock.
 */
export async function appendEvents(
  tx: Transaction,
  streamId: string,
  drafts: readonly EventDraft[],
): Promise<StreamEvent[]> {
  const first = await takeStreamSeqs(tx, streamId, drafts.length);
  const events = drafts.map((draft, index) => ({ ...draft, seq: first + index }) as StreamEvent);
  await recordEvents(tx, streamId, events);
  return events;
}

/** Stores events whose seqs were taken already (a message needs its seq before it is inserted). */
export async function recordEvents(tx: Transaction, streamId: string, events: readonly StreamEvent[]) {
  await tx.streamEvent.createMany({ data: events.map((event) => toRow(streamId, event)) });
}

/** Message events store a reference (a replay shows the message as it is now); others their data. */
function toRow(streamId: string, event: StreamEvent): Prisma.StreamEventCreateManyInput {
  const { type, seq, ...payload } = event;
  if ('message' in payload) return { streamId, seq, type, messageId: payload.message.id };
  return { streamId, seq, type, data: payload as Prisma.InputJsonObject };
}

/**
 * Takes the row locks of streams without taking seqs, for a change that may append to only some of
 * them (or none, if it is refused) but must hold them all from the start. Streams are created as on
 * a first append. Pass them in the global lock order (channel streams, then user streams, by id).
 */
export async function lockStreams(tx: Transaction, streamIds: readonly string[]): Promise<void> {
  for (const streamId of streamIds) {
    await tx.$executeRaw`
      INSERT INTO "Stream" ("id") VALUES (${streamId})
      ON CONFLICT ("id") DO UPDATE SET "lastSeq" = "Stream"."lastSeq"`;
  }
}
