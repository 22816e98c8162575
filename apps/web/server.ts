import { createServer } from 'node:http';
import { attachTrpcWebSocket } from '@spotter/api';
import next from 'next';
import { WebSocketServer } from 'ws';
import { EnvError, loadEnv, type WebEnv } from './src/env';
import { createWebLogger, createWebRuntime } from './src/server/deps';
import { prepareDatabase } from './src/server/prepare-database';
import { installWebRuntime } from './src/server/runtime';

// The web process: Next.js pages, /api/trpc and /api/auth over HTTP, and (single-instance mode,
// or scaled mode without separate realtime replicas) the tRPC WebSocket endpoint on the same port.
const REALTIME_PATH = '/ws';
/** After the reconnect notification, clients get this long to leave before their sockets are cut. */
const DRAIN_MS = 500;
/** A shutdown that hangs (a stuck connection, a slow database) must not block a restart forever. */
const FORCE_EXIT_MS = 5_000;

let env: WebEnv;
try {
  env = loadEnv();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  const logger = createWebLogger();
  for (const problem of error.problems) logger.fatal(problem);
  logger.fatal('the web server cannot start; fix the environment above (see .env.example)');
  process.exit(1);
}

const logger = createWebLogger(env);
const runtime = await createWebRuntime(env, logger);
installWebRuntime(runtime);
await prepareDatabase(runtime);

const dev = env.NODE_ENV !== 'production';
// Development uses webpack: under this custom server, Turbopack's dev server (Next 16.4) answers every
// HMR connect with a rebuild and the browser reloads the page in a loop. Builds still use Turbopack.
const app = next({ dev, webpack: dev, dir: import.meta.dirname, hostname: env.HOST, port: env.PORT });
await app.prepare();
const handleRequest = app.getRequestHandler();

const server = createServer((req, res) => {
  handleRequest(req, res).catch((err: unknown) => {
    logger.error({ err, url: req.url }, 'request failed');
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});

const wss = new WebSocketServer({ noServer: true });
const trpcWs = attachTrpcWebSocket(wss, runtime.deps);

// Next attaches its own upgrade listener (dev HMR) to this server on the first request and ignores
// paths it has no route for, so this listener only claims the tRPC endpoint.
server.on('upgrade', (req, socket, head) => {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  if (pathname !== REALTIME_PATH) return;
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});

let isStopping = false;
async function shutdown(signal: NodeJS.Signals) {
  if (isStopping) {
    logger.warn({ signal }, 'second signal during shutdown; exiting at once');
    process.exit(1);
  }
  isStopping = true;
  logger.info({ signal }, 'shutting down');
  const forceExit = setTimeout(() => {
    logger.warn('shutdown took too long; exiting');
    process.exit(1);
  }, FORCE_EXIT_MS);
  forceExit.unref();

  trpcWs.broadcastReconnectNotification();
  server.close();
  server.closeIdleConnections();
  await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));
  for (const client of wss.clients) client.terminate();
  wss.close();
  await app.close();
  await runtime.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

server.on('error', (err) => {
  logger.fatal({ err, port: env.PORT, host: env.HOST }, 'cannot listen; is the port taken? (PORT, HOST)');
  process.exit(1);
});

server.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const shownHost = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  // Next attaches its HMR upgrade listener only when it handles its first request; after a restart
  // the open tabs' HMR sockets arrive before any page request does, and would find nobody listening.
  const selfHost = shownHost === 'localhost' ? '127.0.0.1' : shownHost;
  fetch(`http://${selfHost.includes(':') ? `[${selfHost}]` : selfHost}:${port}/api/health`).catch(
    (err: unknown) => logger.warn({ err }, 'warm-up request to /api/health failed'),
  );
  logger.info(
    {
      url: `http://${shownHost}:${port}`,
      mode: env.mode,
      bus: runtime.deps.bus.kind === 'redis' ? 'redis' : 'in-memory',
      database:
        runtime.database.kind === 'embedded' ? 'embedded PostgreSQL (PGlite)' : 'PostgreSQL (DATABASE_URL)',
      realtime: env.REALTIME_URLS.length > 0 ? env.REALTIME_URLS : `same origin ${REALTIME_PATH}`,
      dev,
    },
    `Spotter web listening on http://${shownHost}:${port} — ${
      env.mode === 'scaled' ? 'scaled mode, Redis bus' : 'single-instance mode, in-memory bus'
    }, ${runtime.database.kind === 'embedded' ? 'embedded database' : 'external database'}`,
  );
});
