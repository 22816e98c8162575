import type { Database, Transaction } from '@spotter/db';
import type { EventBus } from '../bus/types';
import type { Cache } from '../cache/types';
import type { Logger } from '../logger';
import { appendEvents } from '../streams/append';
import type { EventDraft } from '../streams/events';
import { type Appended, publishEvents } from '../streams/publish';
import { streamIds } from '../streams/stream-ids';

/** What every workout service needs: the database, and the bus to publish session events. */
export type WorkoutDeps = { prisma: Database; bus: EventBus; logger: Logger; cache: Cache };

/**
 * Appends a change of a workout in a live session to the session's stream, in the change's own
 * transaction (so the event exists exactly when the change does, with a gapless seq); a workout
 * outside any session appends nothing. Publish the result after the commit (`publishAfterCommit`).
 */
export async function appendToSession(
  tx: Transaction,
  sessionId: string | null,
  drafts: readonly EventDraft[],
): Promise<Appended[]> {
  if (!sessionId) return [];
  const streamId = streamIds.session(sessionId);
  return [{ streamId, events: await appendEvents(tx, streamId, drafts) }];
}

/**
 * Runs a change in a transaction, then publishes the session events it appended. A failed publish
 * loses nothing: subscribers fill the gap from the database.
 */
export async function changeAndPublish<T>(
  deps: WorkoutDeps,
  change: (tx: Transaction) => Promise<{ result: T; appended: Appended[] }>,
): Promise<T> {
  const { result, appended } = await deps.prisma.$transaction(change);
  await publishEvents(deps, appended);
  return result;
}
