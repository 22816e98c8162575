import { z } from 'zod';
import { DEFAULT_TRUSTED_PROXIES, isProxyEntry } from './client-ip';
import {
  type Allowance as AllowanceValue,
  LIMIT_NAMES,
  LIMIT_TABLE,
  type LimitConfig,
  limitConfig,
} from './table';

const Allowance = z
  .string()
  .regex(/^\s*\d+\s*\/\s*\d+\s*$/, 'a rate limit is written <points>/<seconds>, e.g. 5/5')
  .transform((value): AllowanceValue => {
    const [points, durationS] = value.split('/').map((part) => Number(part.trim())) as [number, number];
    return { points, durationS };
  })
  .refine(
    (allowance) => allowance.points >= 1 && allowance.durationS >= 1,
    'points and seconds must be at least 1',
  )
  .optional();

type LimitEnvName = (typeof LIMIT_TABLE)[keyof typeof LIMIT_TABLE]['env'];

/**
 * The variables that override the limits, for each app's env.ts to spread into its schema: one
 * `RATE_LIMIT_<NAME>=<points>/<seconds>` per limit (applied as given), and `RATE_LIMIT_MULTIPLIER`, which
 * multiplies the defaults of the others (load tests and test suites that post in bursts and sign up
 * hundreds of people from one address).
 */
export const limitEnvVars = {
  ...(Object.fromEntries(LIMIT_NAMES.map((name) => [LIMIT_TABLE[name].env, Allowance])) as Record<
    LimitEnvName,
    typeof Allowance
  >),
  RATE_LIMIT_MULTIPLIER: z.coerce.number().int().min(1).default(1),
  /**
   * The proxies (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For names the client;
   * default loopback. Any other peer is the client itself, whatever headers it sends.
   */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((value) =>
      value === undefined
        ? DEFAULT_TRUSTED_PROXIES
        : value
            .split(',')
            .map((entry) => entry.trim())
            .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .refine(
            isProxyEntry,
            'each TRUSTED_PROXIES entry must be an IP address or a CIDR range, e.g. 10.0.0.0/8',
          ),
      ),
    ),
};

type LimitEnv = Partial<Record<LimitEnvName, AllowanceValue | undefined>> & { RATE_LIMIT_MULTIPLIER: number };

/** The limits an app runs with, from its validated environment. */
export function limitConfigFromEnv(env: LimitEnv): LimitConfig {
  const config = limitConfig();
  for (const name of LIMIT_NAMES) {
    const allowance = env[LIMIT_TABLE[name].env];
    config[name] = allowance ?? { ...config[name], points: config[name].points * env.RATE_LIMIT_MULTIPLIER };
  }
  return config;
}
