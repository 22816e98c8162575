import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@spotter/db';
import { AppError } from '../errors';

/** Recognisable in logs and by secret scanners, as GitHub's `ghp_` is. */
export const TOKEN_PREFIX = 'spt_';
const MAX_TOKENS_PER_USER = 50;
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;
/** "Last used" is shown to a person: a write at most this often is plenty. */
const USE_PRECISION_MS = 60_000;

export type TokenScope = 'read' | 'write';

/**
 * 32 random bytes: guessing one is hopeless, so a fast hash is enough to store it (a slow password
 * hash protects low-entropy secrets; this has 256 bits).
 */
export function generateApiToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function isApiToken(credential: string): boolean {
  return credential.startsWith(TOKEN_PREFIX);
}

/** Creates a token; the caller shows `token` once — only its hash is kept. */
export async function createApiToken(
  prisma: Database,
  userId: string,
  input: { name: string; scope: TokenScope; expiresInDays?: number | undefined },
) {
  const count = await prisma.apiToken.count({ where: { userId, revokedAt: null } });
  if (count >= MAX_TOKENS_PER_USER)
    throw new AppError('BAD_REQUEST', `You have ${MAX_TOKENS_PER_USER} tokens already. Revoke one first.`);
  const token = generateApiToken();
  const row = await prisma.apiToken.create({
    data: {
      userId,
      name: input.name,
      prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
      tokenHash: hashApiToken(token),
      scope: input.scope === 'read' ? 'READ' : 'WRITE',
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
    },
    select: VIEW,
  });
  return { token, ...toView(row) };
}

export async function listApiTokens(prisma: Database, userId: string) {
  const rows = await prisma.apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: 'desc' },
    select: VIEW,
  });
  return rows.map(toView);
}

/** Revokes one of the user's tokens; anyone else's (or an unknown) id is NOT_FOUND and changes nothing. */
export async function revokeApiToken(prisma: Database, userId: string, tokenId: string): Promise<void> {
  const { count } = await prisma.apiToken.updateMany({
    where: { id: tokenId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError('NOT_FOUND', 'No such token of yours.');
}

export type TokenHolder = {
  id: string;
  userId: string;
  scope: TokenScope;
  expiresAt: Date | null;
  user: { name: string; email: string };
};

/** The token's owner when the token is valid (known, not revoked, not expired); null otherwise. */
export async function findLiveApiToken(prisma: Database, hash: string): Promise<TokenHolder | null> {
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hash },
    select: {
      id: true,
      userId: true,
      scope: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: { name: true, email: true } },
    },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= new Date())) return null;
  const { revokedAt: _revoked, ...holder } = row;
  return { ...holder, scope: row.scope === 'READ' ? 'read' : 'write' };
}

export async function touchApiToken(prisma: Database, tokenId: string): Promise<void> {
  const now = Date.now();
  await prisma.apiToken.updateMany({
    where: {
      id: tokenId,
      OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now - USE_PRECISION_MS) } }],
    },
    data: { lastUsedAt: new Date(now) },
  });
}

const VIEW = {
  id: true,
  name: true,
  prefix: true,
  scope: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
} as const;

function toView(row: {
  id: string;
  name: string;
  prefix: string;
  scope: 'READ' | 'WRITE';
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
}) {
  return { ...row, scope: (row.scope === 'READ' ? 'read' : 'write') as TokenScope };
}
