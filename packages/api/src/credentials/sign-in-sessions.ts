import type { Database } from '@spotter/db';
import { SESSION_MAX_AGE_SECONDS } from '../auth/session-token';
import type { Session } from '../context';
import { AppError } from '../errors';
import { describeDevice } from './device';

const LIFETIME_MS = SESSION_MAX_AGE_SECONDS * 1000;
/** "Last seen" needs no more precision than this, and costs at most one write per interval. */
const SEEN_PRECISION_MS = 60_000;
/** A user agent is shown, not parsed for decisions: keep what a person needs to recognise it. */
const MAX_USER_AGENT = 512;

/** Registers a browser sign-in; its id goes into the JWT as `sid`. */
export async function openSignInSession(
  prisma: Database,
  userId: string,
  userAgent: string | null | undefined,
): Promise<{ sessionId: string }> {
  const row = await prisma.signInSession.create({
    data: {
      userId,
      userAgent: (userAgent ?? '').slice(0, MAX_USER_AGENT),
      expiresAt: new Date(Date.now() + LIFETIME_MS),
    },
    select: { id: true },
  });
  return { sessionId: row.id };
}

/** True when the sign-in exists, belongs to the user, and is neither revoked nor expired. */
export async function isSignInLive(prisma: Database, session: Session, sessionId: string): Promise<boolean> {
  const row = await prisma.signInSession.findUnique({
    where: { id: sessionId },
    select: { userId: true, revokedAt: true, expiresAt: true },
  });
  return !!row && row.userId === session.userId && !row.revokedAt && row.expiresAt > new Date();
}

/** Slides the session's expiry with its use ("7 days since last seen"), at most once a minute. */
export async function touchSignIn(prisma: Database, sessionId: string): Promise<void> {
  const now = Date.now();
  await prisma.signInSession.updateMany({
    where: { id: sessionId, revokedAt: null, lastSeenAt: { lt: new Date(now - SEEN_PRECISION_MS) } },
    data: { lastSeenAt: new Date(now), expiresAt: new Date(now + LIFETIME_MS) },
  });
}

/** The user's current sign-ins, newest first, for the settings page. */
export async function listSignIns(prisma: Database, userId: string, currentSessionId: string | undefined) {
  const rows = await prisma.signInSession.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true, expiresAt: true },
  });
  return rows.map(({ userAgent, ...row }) => ({
    ...row,
    device: describeDevice(userAgent),
    isCurrent: row.id === currentSessionId,
  }));
}

/**
 * Revokes one of the user's sign-ins (`only`), or all of them but `except`. Someone else's id, or
 * one already revoked, is NOT_FOUND and changes nothing — unless `isGoneOk` (a sign-out after
 * "sign out everywhere"). Returns the ids revoked, to announce.
 */
export async function revokeSignIns(
  prisma: Database,
  userId: string,
  options: { only?: string | undefined; except?: string | undefined; isGoneOk?: boolean } = {},
): Promise<string[]> {
  const where = {
    userId,
    revokedAt: null,
    ...(options.only ? { id: options.only } : {}),
    ...(options.except ? { NOT: { id: options.except } } : {}),
  };
  return prisma.$transaction(async (tx) => {
    const rows = await tx.signInSession.findMany({ where, select: { id: true } });
    if (options.only && rows.length === 0 && !options.isGoneOk)
      throw new AppError('NOT_FOUND', 'No such session of yours.');
    const ids = rows.map((row) => row.id);
    if (ids.length > 0)
      await tx.signInSession.updateMany({ where: { id: { in: ids } }, data: { revokedAt: new Date() } });
    return ids;
  });
}
