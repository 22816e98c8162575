import type { Context } from '../context';

/**
 * Whom a limit counts: the API token a program calls with (so one runaway bot does not use up its
 * owner's allowance in the browser), else the signed-in user, else the client's address.
 */
export function limitSubject(ctx: Pick<Context, 'session' | 'auth' | 'clientIp'>): string {
  if (ctx.auth?.tokenId) return `token:${ctx.auth.tokenId}`;
  if (ctx.session) return `user:${ctx.session.userId}`;
  return `ip:${ctx.clientIp ?? 'unknown'}`;
}
