/** The realtime server's close code for a revoked sign-in (packages/api's CLOSE_CODES.revoked). */
export const REVOKED_CLOSE_CODE = 4401;

const SIGNED_OUT_PAGES = ['/login', '/signup'];

/**
 * Sends a tab whose sign-in was revoked to the sign-in page. A full load, so the socket and every
 * cached query of the old session go with it; never from the sign-in pages themselves.
 */
export function toSignIn(): void {
  if (SIGNED_OUT_PAGES.includes(window.location.pathname)) return;
  window.location.assign('/login');
}
