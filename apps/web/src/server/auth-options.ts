import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getWebRuntime } from './runtime';

/** Stamped by server.ts on every request (CLIENT_IP_HEADER in @spotter/api, which bundles do not import). */
const CLIENT_IP_HEADER = 'x-spotter-client-ip';

/**
 * next-auth with JWT sessions and email/password sign-in. The JWT carries what the tRPC servers
 * decode from the cookie themselves: `sub` = user id, `email`, `name`, and `sid`: the sign-in's row
 * (SignInSession), which sign-out, "sign out everywhere" and a password change revoke — a JWT alone
 * cannot be revoked (next-auth#662). Sessions last 7 days, renewed on every page load.
 */
export function getAuthOptions(): AuthOptions {
  const runtime = getWebRuntime();
  return {
    secret: runtime.deps.authSecret,
    session: { strategy: 'jwt', maxAge: runtime.sessionMaxAgeSeconds },
    pages: { signIn: '/login' },
    logger: {
      error: (code, metadata) => runtime.logger.error({ code, metadata }, `next-auth: ${code}`),
      warn: (code) => runtime.logger.warn({ code }, `next-auth: ${code}`),
      debug: (code, metadata) => runtime.logger.debug({ code, metadata }, `next-auth: ${code}`),
    },
    providers: [
      CredentialsProvider({
        name: 'Email',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(credentials, req) {
          if (!credentials?.email || !credentials.password) return null;
          const clientIp = req.headers?.[CLIENT_IP_HEADER];
          // A limited attempt throws: next-auth hands the message ("Too many …") to the sign-in form.
          const session = await runtime.authenticate(
            credentials,
            typeof clientIp === 'string' ? clientIp : null,
          );
          if (!session) return null;
          const userAgent = req.headers?.['user-agent'];
          const { sessionId } = await runtime.openSignIn(
            session.userId,
            typeof userAgent === 'string' ? userAgent : null,
          );
          return { id: session.userId, name: session.name, email: session.email, sid: sessionId };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.name = user.name;
          token.email = user.email;
          token.sid = user.sid;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        if (typeof token.sid === 'string') session.sid = token.sid;
        return session;
      },
    },
    events: {
      // Signing out revokes the sign-in on every replica, not just this browser's cookie.
      async signOut({ token }) {
        if (token?.sub && typeof token.sid === 'string') await runtime.revokeSignIn(token.sub, token.sid);
      },
    },
  };
}
