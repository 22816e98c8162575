import { z } from 'zod';
import { originOf } from './allowed-origins';

/**
 * The NEXTAUTH_SECRET value .env.example ships. It passes any length check but is public, so an
 * unedited copy would let anyone forge session cookies: both apps refuse it.
 */
export const PLACEHOLDER_SECRET = 'replace-with-output-of-openssl-rand-base64-32';

// 32 characters of base64 carry 192 bits: short secrets can be brute-forced offline from one cookie.
const SECRET_MIN_LENGTH = 32;

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/** A string variable; with `whenMissing` it is required and that message says what to set. */
const text = (whenMissing?: string) =>
  whenMissing
    ? z
        .string({ error: (issue) => (issue.input === undefined ? whenMissing : undefined) })
        .min(1, whenMissing)
    : z.string().min(1);

const Origin = z.string().transform((value, ctx) => {
  const origin = originOf(value);
  if (origin !== null) return origin;
  ctx.issues.push({
    code: 'custom',
    input: value,
    message: `ALLOWED_ORIGINS entry "${value}" is not an http(s) origin; write it as the browser's address bar shows the site, e.g. https://spotter.example.com`,
  });
  return z.NEVER;
});

/**
 * The variables both apps read, defined once; each app's env.ts picks what it needs (with its own
 * defaults where the apps differ) and adds its own rules. Empty values count as unset.
 */
export const envVars = {
  NODE_ENV: (fallback: 'development' | 'production') =>
    z.enum(['development', 'production', 'test']).default(fallback),
  PORT: (fallback: number) => z.coerce.number().int().min(0).max(65_535).default(fallback),
  // 127.0.0.1 keeps a developer's server off the network; containers set 0.0.0.0.
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  DATABASE_URL: (whenMissing?: string) =>
    text(whenMissing).regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL'),
  REDIS_URL: (whenMissing?: string) =>
    text(whenMissing).regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://'),
  NEXTAUTH_SECRET: (whenMissing?: string) =>
    text(whenMissing)
      .min(
        SECRET_MIN_LENGTH,
        `NEXTAUTH_SECRET must be at least ${SECRET_MIN_LENGTH} characters: generate one with \`openssl rand -base64 32\``,
      )
      .refine(
        (secret) => secret !== PLACEHOLDER_SECRET,
        'NEXTAUTH_SECRET is still the placeholder from .env.example, which anyone can read: ' +
          'generate a secret with `openssl rand -base64 32` and set it on every web and realtime replica',
      ),
  /**
   * Pages on other origins whose WebSocket upgrades are accepted (comma-separated), e.g. the web
   * app's origin on a realtime replica that browsers reach on another port or host.
   */
  ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(z.array(Origin)),
  /** `off` sends every read to the database (to measure what the cache saves, or to rule it out). */
  CACHE: z.enum(['on', 'off'], 'CACHE must be "on" or "off"').default('on'),
};
