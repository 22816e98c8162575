import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getWebRuntime } from './runtime';

/** Stamped by server.ts on every request (CLIENT_IP_HEADER in @spotter/api, which bundles do not import). */
const CLIENT_IP_HEADER = 'x-spotter-client-ip';

/**
 * next-auth with JWT sessions and email/password sign-in. The JWT carries what the tRPC servers
 * decode from the cookie themselves: `sub` = user id, `email` and `name`.
 */
export function getAuthOptions(): AuthOptions {
  const runtime = getWebRuntime();
  return {
    secret: runtime.deps.authSecret,
    session: { strategy: 'jwt' },
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
          return session ? { id: session.userId, name: session.name, email: session.email } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.name = user.name;
          token.email = user.email;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}
