import { createServer } from 'node:http';
import {
  closePresence,
  createWsEndpoint,
  originOf,
  stampClientIp,
  stopOnSignals,
  trustedProxies,
} from '@spotter/api';
import next from 'next';
import { EnvError, loadEnv, type WebEnv } from './src/env';
import { createWebLogger, createWebRuntime } from './src/server/deps';
import { prepareDatabase } from './src/server/prepare-database';
import { ownUrl } from './src/server/public-url';
import { installWebRuntime } from './src/server/runtime';
import { applySecurityHeaders } from './src/server/security-headers';

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
if (env.mode === 'single-instance' && !env.NEXTAUTH_URL && env.PORT !== 0) {
  // next-auth reads its public URL from process.env itself and, without it, warns on request after
  // request (once per bundled copy). Single-instance mode needs nothing configured, and this server
  // is its own public URL, so tell next-auth that before any of its code runs.
  process.env.NEXTAUTH_URL = ownUrl(env);
}
const runtime = await createWebRuntime(env, logger);
installWebRuntime(runtime);
await prepareDatabase(runtime);

const dev = env.NODE_ENV !== 'production';
// Development uses webpack: under this custom server, Turbopack's dev server (Next 16.4) answers every
// HMR connect with a rebuild and the browser reloads the page in a loop. Builds still use Turbopack.
const app = next({ dev, webpack: dev, dir: import.meta.dirname, hostname: env.HOST, port: env.PORT });
await app.prepare();
const handleRequest = app.getRequestHandler();
const setSecurityHeaders = applySecurityHeaders({ isDev: dev, realtimeUrls: env.REALTIME_URLS });

const proxies = trustedProxies(env.TRUSTED_PROXIES);
const server = createServer((req, res) => {
  setSecurityHeaders(req, res);
  // The address sign-in and sign-up limits count by; whatever the client sent in its place is dropped.
  stampClientIp(req, proxies);
  handleRequest(req, res).catch((err: unknown) => {
    logger.error({ err, url: req.url }, 'request failed');
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});

// Next attaches its own upgrade listener (dev HMR) to this server on the first request and ignores
// paths it has no route for, so the endpoint claims only its own path and passes the rest on.
const publicOrigin = env.NEXTAUTH_URL ? originOf(env.NEXTAUTH_URL) : null;
const ws = createWsEndpoint({
  deps: runtime.deps,
  path: REALTIME_PATH,
  allowedOrigins: publicOrigin ? [...env.ALLOWED_ORIGINS, publicOrigin] : env.ALLOWED_ORIGINS,
  otherPaths: 'pass',
  trustedProxies: env.TRUSTED_PROXIES,
});
ws.attach(server);

stopOnSignals({
  logger,
  forceExitMs: FORCE_EXIT_MS,
  async stop() {
    server.close();
    server.closeIdleConnections();
    await ws.drain(DRAIN_MS);
    await ws.close();
    await app.close();
    await closePresence(runtime.deps.bus);
    await runtime.close();
    logger.info('stopped');
  },
});

server.on('error', (err) => {
  logger.fatal({ err, port: env.PORT, host: env.HOST }, 'cannot listen; is the port taken? (PORT, HOST)');
  process.exit(1);
});

server.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const url = ownUrl(env, port);
  // Next attaches its HMR upgrade listener only when it handles its first request; after a restart
  // the open tabs' HMR sockets arrive before any page request does, and would find nobody listening.
  const selfHost = env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST;
  fetch(`http://${selfHost.includes(':') ? `[${selfHost}]` : selfHost}:${port}/api/health`).catch(
    (err: unknown) => logger.warn({ err }, 'warm-up request to /api/health failed'),
  );
  logger.info(
    {
      url,
      mode: env.mode,
      bus: runtime.deps.bus.kind === 'redis' ? 'redis' : 'in-memory',
      database:
        runtime.database.kind === 'embedded' ? 'embedded PostgreSQL (PGlite)' : 'PostgreSQL (DATABASE_URL)',
      realtime: env.REALTIME_URLS.length > 0 ? env.REALTIME_URLS : `same origin ${REALTIME_PATH}`,
      dev,
    },
    `Spotter web listening on ${url} — ${
      env.mode === 'scaled' ? 'scaled mode, Redis bus' : 'single-instance mode, in-memory bus'
    }, ${runtime.database.kind === 'embedded' ? 'embedded database' : 'external database'}`,
  );
});
