import { fileURLToPath } from 'node:url';
import { freePort } from './ports';
import { spawnTsx } from './processes';
import { untilHttpOk } from './wait';

// Started by path, as `npm run start` starts it: test-support never imports the app's code.
const WEB_DIR = fileURLToPath(new URL('../../../apps/web/', import.meta.url));

export type WebServer = { pid: number; port: number; url: string; stop(): Promise<void>; output(): string };

export type WebServerOptions = {
  mode: 'production' | 'development';
  /** A port chosen beforehand, when other servers must know the web app's URL first; default a free one. */
  port?: number;
  /** Given the server's own URL (for NEXTAUTH_URL): the whole environment besides NODE_ENV, HOST and PORT. */
  env: (url: string) => Record<string, string>;
  timeoutMs: number;
};

/**
 * Starts `apps/web/server.ts` as `npm run start` (production) or `npm run dev` (development) would,
 * on 127.0.0.1, and resolves once its /api/health answers 200. Nothing leaks in from the test
 * machine's environment. Production mode needs a build (`npm run build -w @spotter/web`).
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const server = spawnTsx('server.ts', {
    cwd: WEB_DIR,
    env: {
      NODE_ENV: options.mode,
      HOST: '127.0.0.1',
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: '1',
      // Tests post in bursts and sign up many people from 127.0.0.1; a test of a limit sets its own.
      RATE_LIMIT_MULTIPLIER: '1000',
      ...options.env(url),
    },
  });
  try {
    await untilHttpOk(`${url}/api/health`, {
      timeoutMs: options.timeoutMs,
      intervalMs: 250,
      isGone: () => (server.isRunning() ? undefined : 'the web server exited'),
    });
  } catch (error) {
    await server.stop('SIGKILL');
    throw new Error(`${(error as Error).message}\n--- web server output ---\n${server.output()}`);
  }
  return {
    pid: server.pid,
    port,
    url,
    output: server.output,
    stop: async () => {
      await server.stop();
    },
  };
}
