import type { DefaultSession } from 'next-auth';

// The session callback exposes the user id (the JWT's `sub`) to pages.
declare module 'next-auth' {
  interface Session {
    user?: DefaultSession['user'] & { id?: string };
  }
}
