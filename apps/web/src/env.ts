import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';

const RealtimeUrl = z
  .string()
  .regex(
    /^wss?:\/\/[^\s/]+/,
    'each REALTIME_URLS entry must be a ws:// or wss:// URL, e.g. ws://127.0.0.1:4000/ws',
  );

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://')
    .optional(),
  NEXTAUTH_SECRET: z.string().min(16, 'NEXTAUTH_SECRET must be at least 16 characters').optional(),
  NEXTAUTH_URL: z.url('NEXTAUTH_URL must be a URL, e.g. https://spotter.example.com').optional(),
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
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  SPOTTER_DATA_DIR: z.string().min(1).optional(),
});

export type Mode = 'single-instance' | 'scaled';

export type WebEnv = Omit<z.infer<typeof Env>, 'NEXTAUTH_SECRET' | 'SPOTTER_DATA_DIR'> & {
  NEXTAUTH_SECRET: string;
  SPOTTER_DATA_DIR: string;
  /** Scaled when a shared Redis carries events between replicas; otherwise one process does it all. */
  mode: Mode;
};

/** Thrown for a configuration this app refuses to run with; the message says what to change. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'EnvError';
  }
}

/**
 * The web app's validated environment. server.ts loads it once at startup and hands it on (Next's
 * bundles read it from the runtime); nothing else reads process.env. Throws EnvError.
 */
export function loadEnv(): WebEnv {
  return parseEnv(process.env);
}

function parseEnv(source: NodeJS.ProcessEnv): WebEnv {
  // An empty variable (`REDIS_URL=` in a compose file) means "not set", not "set to nothing".
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) throw new EnvError(parsed.error.issues.map((issue) => issue.message));
  const env = parsed.data;

  const problems: string[] = [];
  if (!env.REDIS_URL && env.REALTIME_URLS.length > 0) {
    problems.push(
      'REALTIME_URLS is set but REDIS_URL is not: this server would publish events on an in-memory bus that ' +
        'separate realtime servers never see. Set REDIS_URL to the Redis they share, or unset REALTIME_URLS ' +
        'to serve /ws from this process.',
    );
  }
  if (env.REDIS_URL && !env.DATABASE_URL) {
    problems.push(
      'REDIS_URL is set but DATABASE_URL is not: replicas that share a bus must share a database, and each ' +
        'would start its own embedded one. Set DATABASE_URL, or unset REDIS_URL for single-instance mode.',
    );
  }
  if (!env.NEXTAUTH_SECRET && (env.DATABASE_URL || env.REDIS_URL)) {
    problems.push(
      'NEXTAUTH_SECRET is required when DATABASE_URL or REDIS_URL is set: every web and realtime replica ' +
        'must share it to accept the same sessions. Generate one with `openssl rand -base64 32`.',
    );
  }
  if (problems.length > 0) throw new EnvError(problems);

  // Relative to the repository root, wherever the process was started from (npm -w runs in apps/web).
  const dataDir = resolve(findRepoRoot(process.cwd()), env.SPOTTER_DATA_DIR ?? '.data');
  return {
    ...env,
    SPOTTER_DATA_DIR: dataDir,
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? persistedSecret(dataDir),
    mode: env.REDIS_URL ? 'scaled' : 'single-instance',
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
