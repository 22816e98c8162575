import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

// PGlite is one single-user backend; the socket server queues every client's queries onto it and
// keeps a transaction's queries on the connection that opened it. Session state (SET, advisory locks,
// temp tables) is therefore shared by all connections, and LISTEN/NOTIFY is unreliable. The default
// limit is one connection, which a pg Pool exhausts at once.
const MAX_CONNECTIONS = 32;

/** Serves `db` over the PostgreSQL wire protocol on 127.0.0.1 at a free port; `close` also closes `db`. */
export async function servePglite(db: PGlite): Promise<{ url: string; close(): Promise<void> }> {
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: MAX_CONNECTIONS });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    // PGlite serves a single database, "postgres", whatever name a client asks for.
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}
