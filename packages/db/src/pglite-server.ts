import { once } from 'node:events';
import { type AddressInfo, createServer } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from '@electric-sql/pglite-socket';
import { SessionQueue } from './pglite-session-queue';

// PostgreSQL's default max_connections: room for the app's pool, migrations and a psql or two.
const MAX_CONNECTIONS = 100;

/**
 * Serves `db` over the PostgreSQL wire protocol on 127.0.0.1 at a free port; `close` also closes `db`.
 *
 * PGlite is one backend session. pglite-socket's handler does the protocol framing per connection;
 * instead of its server, whose queue lets different clients' extended-query messages interleave
 * (they then bind each other's parameters), every connection here goes through one SessionQueue,
 * which lets one connection at a time use the backend for a whole query cycle or transaction.
 * A connection idle in a transaction therefore holds up every other one (on PostgreSQL it would
 * only hold its row locks). Session state (SET, advisory locks, temp tables) is still shared by all
 * connections, and LISTEN/NOTIFY is unreliable.
 */
export async function servePglite(db: PGlite): Promise<{ url: string; close(): Promise<void> }> {
  // The handler is typed against pglite-socket's queue class; SessionQueue has the same interface.
  const sessions = new SessionQueue(db);
  const queryQueue = sessions as unknown as PGLiteSocketHandlerOptions['queryQueue'];
  const handlers = new Set<PGLiteSocketHandler>();
  const server = createServer((socket) => {
    const handler = new PGLiteSocketHandler({ queryQueue, closeOnDetach: true });
    handlers.add(handler);
    const forget = () => handlers.delete(handler);
    handler.addEventListener('close', forget);
    handler.addEventListener('error', forget);
    void handler.attach(socket);
  });
  server.maxConnections = MAX_CONNECTIONS;
  try {
    await db.waitReady;
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
  } catch (error) {
    await db.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    // PGlite serves a single database, "postgres", whatever name a client asks for.
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async close() {
      const closed = new Promise((resolve) => server.close(resolve));
      await Promise.all([...handlers].map((handler) => handler.detach(true)));
      handlers.clear();
      await closed;
      // Sockets that closed on their own detach on the next turn of the event loop, and detaching
      // queues the rollback of what they left open: let that run before PGlite goes away.
      await new Promise((resolve) => setImmediate(resolve));
      await sessions.close();
      await db.close();
    },
  };
}
