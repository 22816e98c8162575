import type { Database, Transaction } from '@spotter/db';
import { AppError } from '../errors';

export const trainingRefusals = {
  noSuchSession: () => new AppError('NOT_FOUND', 'No such training session.'),
  ended: () => new AppError('CONFLICT', 'This training session has ended.'),
};

export type MemberStatus = 'INVITED' | 'JOINED' | 'LEFT';

/**
 * The one access check inside a session: only people invited to it or in it may see it, follow it or
 * act in it. Anyone else (someone who left included) is answered NOT_FOUND, so a session's existence
 * is not revealed. Returns the caller's status and whether the session has ended.
 */
export async function requireSessionMember(
  db: Database | Transaction,
  userId: string,
  sessionId: string,
): Promise<{ status: 'INVITED' | 'JOINED'; hasEnded: boolean; hostId: string }> {
  const row = await db.trainingSessionMember.findUnique({
    where: { sessionId_userId: { sessionId, userId } },
    select: { status: true, session: { select: { endedAt: true, hostId: true } } },
  });
  if (!row || row.status === 'LEFT') throw trainingRefusals.noSuchSession();
  return { status: row.status, hasEnded: row.session.endedAt !== null, hostId: row.session.hostId };
}
