import { hostname } from 'node:os';
import { envVars, limitEnvVars, throwEnvError } from '@spotter/api';
import { createEnv } from '@t3-oss/env-core';
import { z } from 'zod';

/**
 * The realtime replica's environment, validated once at startup; nothing else reads process.env.
 * Throws EnvError listing every problem at once, so one restart fixes them all.
 */
export function loadEnv(source: Record<string, string | undefined> = process.env) {
  return createEnv({
    server: {
      NODE_ENV: envVars.NODE_ENV('production'),
      PORT: envVars.PORT(4000),
      HOST: envVars.HOST,
      LOG_LEVEL: envVars.LOG_LEVEL,
      DATABASE_URL: envVars.DATABASE_URL(
        'DATABASE_URL is required, e.g. postgres://postgres@127.0.0.1:5432/spotter',
      ),
      REDIS_URL: envVars.REDIS_URL(
        'REDIS_URL is required: a realtime replica with an in-memory bus would silently split the event stream ' +
          'from every other replica. Set REDIS_URL=redis://127.0.0.1:6379, or run `npm run dev` for single-instance mode',
      ),
      NEXTAUTH_SECRET: envVars.NEXTAUTH_SECRET(
        'NEXTAUTH_SECRET is required: the web app’s secret, so this server can read its session cookies',
      ),
      // Browsers reach replicas on another port or host than the web app's page (REALTIME_URLS), or
      // through a proxy on the page's own origin; the former must be listed here.
      ALLOWED_ORIGINS: envVars.ALLOWED_ORIGINS,
      // RATE_LIMIT_* and TRUSTED_PROXIES: the abuse limits (see .env.example).
      ...limitEnvVars,
      REPLICA_ID: z.string().min(1).default(`${hostname()}:${process.pid}`),
      DRAIN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
      CACHE: envVars.CACHE,
    },
    // A copy: createEnv deletes the empty variables from the object it is given.
    runtimeEnv: { ...source },
    // An empty variable (`REDIS_URL=` in a compose file) means "not set", not "set to nothing".
    emptyStringAsUndefined: true,
    isServer: true,
    onValidationError: throwEnvError,
  });
}

export type Env = ReturnType<typeof loadEnv>;
