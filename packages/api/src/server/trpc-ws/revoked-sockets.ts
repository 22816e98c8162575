import type { WebSocket } from 'ws';
import type { CredentialsRevoked } from '../../bus/topics';
import type { Auth } from '../../context';
import { CLOSE_CODES } from './limits';

const TERMINATE_AFTER_MS = 1_000;

/**
 * The sockets of this replica by the credential they authenticated with, so a revocation heard on
 * the bus closes exactly those sockets (code 4401; the browser then goes to the sign-in page).
 */
export function createRevokedSockets() {
  const byCredential = new Map<string, Set<WebSocket>>();

  const keysOf = (auth: Auth) => [
    ...(auth.sessionId ? [`session:${auth.sessionId}`] : []),
    ...(auth.tokenId ? [`token:${auth.tokenId}`] : []),
  ];

  return {
    /** Registers an authenticated socket; returns the function that forgets it. */
    add(auth: Auth, socket: WebSocket): () => void {
      const keys = keysOf(auth);
      for (const key of keys) {
        const sockets = byCredential.get(key) ?? new Set<WebSocket>();
        byCredential.set(key, sockets);
        sockets.add(socket);
      }
      return () => {
        for (const key of keys) {
          const sockets = byCredential.get(key);
          sockets?.delete(socket);
          if (sockets?.size === 0) byCredential.delete(key);
        }
      };
    },
    close(revoked: CredentialsRevoked): number {
      const keys = [
        ...revoked.sessionIds.map((id) => `session:${id}`),
        ...revoked.tokenIds.map((id) => `token:${id}`),
      ];
      let closed = 0;
      for (const key of keys) {
        for (const socket of byCredential.get(key) ?? []) {
          socket.close(CLOSE_CODES.revoked, 'signed out');
          // A client that does not answer the close handshake is not left holding a live socket.
          setTimeout(() => socket.terminate(), TERMINATE_AFTER_MS).unref();
          closed++;
        }
      }
      return closed;
    },
  };
}
