import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EnvError, envVars, limitEnvVars, throwEnvError } from '@spotter/api';
import { createEnv } from '@t3-oss/env-core';
import { z } from 'zod';

export { EnvError };

const RealtimeUrl = z
  .string()
  .regex(
    /^wss?:\/\/[^\s/]+/,
    'each REALTIME_URLS entry must be a ws:// or wss:// URL, e.g. ws://127.0.0.1:4000/ws',
  );

export type Mode = 'single-instance' | 'scaled';

export type WebEnv = ReturnType<typeof loadEnv>;

/**
 * The web app's validated environment. server.ts loads it once at startup and hands it on (Next's
 * bundles read it from the runtime); nothing else reads process.env. Throws EnvError.
 */
export function loadEnv(source: Record<string, string | undefined> = process.env) {
  const env = createEnv({
    server: {
      NODE_ENV: envVars.NODE_ENV('development'),
      PORT: envVars.PORT(3000),
      HOST: envVars.HOST,
      LOG_LEVEL: envVars.LOG_LEVEL,
      DATABASE_URL: envVars.DATABASE_URL().optional(),
      REDIS_URL: envVars.REDIS_URL().optional(),
      NEXTAUTH_SECRET: envVars.NEXTAUTH_SECRET().optional(),
      NEXTAUTH_URL: z.url('NEXTAUTH_URL must be a URL, e.g. https://spotter.example.com').optional(),
      ALLOWED_ORIGINS: envVars.ALLOWED_ORIGINS,
      CACHE: envVars.CACHE,
      // RATE_LIMIT_* and TRUSTED_PROXIES: the abuse limits (see .env.example).
      ...limitEnvVars,
      REALTIME_URLS: z
        .string()
        .optional()
        .transform((value) =>
          (value ?? '')
            .split(',')
            .map((url) => url.trim())
            .filter(Boolean),
        )
        .pipe(z.array(RealtimeUrl)),
      SPOTTER_DATA_DIR: z.string().min(1).optional(),
      // The demo accounts (known passwords) belong to development; a production server gets them only
      // when asked, e.g. for a demo deployment.
      SPOTTER_DEMO_DATA: z.enum(['true', 'false']).optional(),
      // Input-less time after which a tab reports idle (10 minutes; tests use seconds).
      PRESENCE_IDLE_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(600_000),
    },
    // The rules between variables; they run once every variable is valid by itself.
    createFinalSchema: (shape) =>
      z.object(shape).superRefine((env, ctx) => {
        if (!env.REDIS_URL && env.REALTIME_URLS.length > 0) {
          ctx.addIssue(
            'REALTIME_URLS is set but REDIS_URL is not: this server would publish events on an in-memory bus that ' +
              'separate realtime servers never see. Set REDIS_URL to the Redis they share, or unset REALTIME_URLS ' +
              'to serve /ws from this process.',
          );
        }
        if (env.REDIS_URL && !env.DATABASE_URL) {
          ctx.addIssue(
            'REDIS_URL is set but DATABASE_URL is not: replicas that share a bus must share a database, and each ' +
              'would start its own embedded one. Set DATABASE_URL, or unset REDIS_URL for single-instance mode.',
          );
        }
        if (!env.NEXTAUTH_SECRET && env.NODE_ENV === 'production') {
          ctx.addIssue(
            'NEXTAUTH_SECRET is required in production: it signs every session, so it must be chosen and kept ' +
              'by whoever runs the server. Generate one with `openssl rand -base64 32`.',
          );
        } else if (!env.NEXTAUTH_SECRET && (env.DATABASE_URL || env.REDIS_URL)) {
          ctx.addIssue(
            'NEXTAUTH_SECRET is required when DATABASE_URL or REDIS_URL is set: every web and realtime replica ' +
              'must share it to accept the same sessions. Generate one with `openssl rand -base64 32`.',
          );
        }
      }),
    // A copy: createEnv deletes the empty variables from the object it is given.
    runtimeEnv: { ...source },
    // An empty variable (`REDIS_URL=` in a compose file) means "not set", not "set to nothing".
    emptyStringAsUndefined: true,
    isServer: true,
    onValidationError: throwEnvError,
  });

  // Relative to the repository root, wherever the process was started from (npm -w runs in apps/web).
  const dataDir = resolve(findRepoRoot(process.cwd()), env.SPOTTER_DATA_DIR ?? '.data');
  return {
    ...env,
    SPOTTER_DATA_DIR: dataDir,
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? persistedSecret(dataDir),
    /** Scaled when a shared Redis carries events between replicas; otherwise one process does it all. */
    mode: (env.REDIS_URL ? 'scaled' : 'single-instance') as Mode,
    /** Seed the demo accounts into an empty database: in development, or when SPOTTER_DEMO_DATA=true. */
    seedDemoData: env.SPOTTER_DEMO_DATA ? env.SPOTTER_DEMO_DATA === 'true' : env.NODE_ENV === 'development',
  };
}

/**
 * Single-instance mode with nothing configured: a random secret kept under the data dir, so
 * sessions survive restarts without anyone having to invent one.
 */
function persistedSecret(dataDir: string): string {
  const file = join(dataDir, 'nextauth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dataDir, { recursive: true });
  // `wx`: if another process wrote it first, fail here and use theirs below.
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch {
    return readFileSync(file, 'utf8').trim();
  }
}

/** The workspace root (the package.json with `workspaces`), so `.data/` is shared by every app. */
function findRepoRoot(start: string): string {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in JSON.parse(readFileSync(manifest, 'utf8'))) return dir;
    if (dirname(dir) === dir) return resolve(start);
  }
}
