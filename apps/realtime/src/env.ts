import { hostname } from 'node:os';
import { z } from 'zod';

/** A required string whose "missing" message says what to set; other problems keep zod's own message. */
const required = (whenMissing: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? whenMissing : undefined) }).min(1, whenMissing);

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  // 127.0.0.1 keeps a developer's replica off the network; containers set 0.0.0.0.
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: required('DATABASE_URL is required, e.g. postgres://postgres@127.0.0.1:5432/spotter').regex(
    /^postgres(ql)?:\/\//,
    'DATABASE_URL must be a postgres:// URL',
  ),
  REDIS_URL: required(
    'REDIS_URL is required: a realtime replica with an in-memory bus would silently split the event stream ' +
      'from every other replica. Set REDIS_URL=redis://127.0.0.1:6379, or run `npm run dev` for single-instance mode',
  ).regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://'),
  NEXTAUTH_SECRET: required(
    'NEXTAUTH_SECRET is required: the web app’s secret, so this server can read its session cookies',
  ),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  REPLICA_ID: z.string().min(1).default(`${hostname()}:${process.pid}`),
  DRAIN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
});

export type Env = z.infer<typeof Env>;

/**
 * Validates the realtime server's environment once, at startup; nothing else reads process.env.
 * Returns every problem at once, so one restart fixes them all.
 */
export function parseEnv(
  source: NodeJS.ProcessEnv,
): { ok: true; env: Env } | { ok: false; problems: string[] } {
  // An empty variable (`REDIS_URL=` in a compose file) means "not set", not "set to nothing".
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = Env.safeParse(present);
  if (parsed.success) return { ok: true, env: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => issue.message) };
}
