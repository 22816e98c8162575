import type { Context } from '../context';

/**
 * Whom a limit counts: the API token a program calls with (so one runaway bot does not use up its
 * owner's allowance in the browser), else the signed-in user, else the client's address.
 */
export function limitSubject(ctx: Pick<Context, 'session' | 'clientIp'>): string {
  const session = ctx.session as (Context['session'] & { tokenId?: string }) | null;
  if (session?.tokenId) return `token:${session.tokenId}`;
  if (session) return `user:${session.userId}`;
  return `ip:${ctx.clientIp ?? 'unknown'}`;
}
