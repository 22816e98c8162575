import type { DefaultSession } from 'next-auth';

// The session callback exposes the user id (the JWT's `sub`) to pages.
declare module 'next-auth' {
  interface Session {
    user?: DefaultSession['user'] & { id?: string };
    /** The sign-in's id (SignInSession): pages check it has not been revoked. */
    sid?: string;
  }
  interface User {
    sid?: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    sid?: string;
  }
}
