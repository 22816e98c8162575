/**
 * Every abuse limit of Spotter, declared once: the allowance (`points` per `durationS` seconds), what
 * it is counted by, and the environment variable that overrides it (`<points>/<seconds>`, e.g.
 * `RATE_LIMIT_MESSAGE_SEND=5/5`). The defaults leave a person far below each limit and stop a script.
 */
type LimitEntry = {
  points: number;
  durationS: number;
  /** What the allowance is counted by (documentation: the procedures build the key). */
  key: string;
  env: string;
  /** The first sentence of the refusal; "Try again in N s." follows. */
  says: string;
};

export const LIMIT_TABLE = {
  /** Sign-in attempts (next-auth's) from one client address. */
  signInIp: {
    points: 30,
    durationS: 10 * 60,
    key: 'client IP',
    env: 'RATE_LIMIT_SIGN_IN_IP',
    says: 'Too many sign-in attempts from your network.',
  },
  /** Failed sign-ins to one account from anywhere; a success clears them. */
  signInAccount: {
    points: 10,
    durationS: 10 * 60,
    key: 'email',
    env: 'RATE_LIMIT_SIGN_IN_ACCOUNT',
    says: 'Too many failed sign-ins to this account.',
  },
  /** Accounts created from one client address. */
  signUpIp: {
    points: 10,
    durationS: 60 * 60,
    key: 'client IP',
    env: 'RATE_LIMIT_SIGN_UP_IP',
    says: 'Too many accounts created from your network.',
  },
  /** Messages one user (or API token) posts in one channel: Discord allows about 5 per 5 s. */
  messageSend: {
    points: 5,
    durationS: 5,
    key: 'user or token + channel',
    env: 'RATE_LIMIT_MESSAGE_SEND',
    says: 'Slow down — you are sending messages too fast.',
  },
  /** Friend requests one user sends a day. */
  friendRequest: {
    points: 50,
    durationS: 24 * 60 * 60,
    key: 'user or token',
    env: 'RATE_LIMIT_FRIEND_REQUEST',
    says: 'You have sent too many friend requests today.',
  },
  /** Typing notices one user sends in one channel (the composer sends one every few seconds). */
  typing: {
    points: 2,
    durationS: 1,
    key: 'user or token + channel',
    env: 'RATE_LIMIT_TYPING',
    says: 'Too many typing notices.',
  },
  /** Reactions one user adds or takes back (`message.react` / `unreact`), in all conversations. */
  reaction: {
    points: 20,
    durationS: 10,
    key: 'user or token',
    env: 'RATE_LIMIT_REACTION',
    says: 'Slow down — you are reacting too fast.',
  },
  /** Personal API tokens one user creates (`apiToken.create`). */
  tokenCreate: {
    points: 10,
    durationS: 60 * 60,
    key: 'user',
    env: 'RATE_LIMIT_TOKEN_CREATE',
    says: 'Too many API tokens created.',
  },
} as const satisfies Record<string, LimitEntry>;

export type LimitName = keyof typeof LIMIT_TABLE;

export type Allowance = { points: number; durationS: number };

/** The allowance of every limit, after the environment's overrides. */
export type LimitConfig = Record<LimitName, Allowance>;

export const LIMIT_NAMES = Object.keys(LIMIT_TABLE) as LimitName[];

/** Calls in one tRPC HTTP batch (the WebSocket's calls per frame are capped in server/trpc-ws/limits.ts). */
export const MAX_BATCH_SIZE = 50;

/** The defaults, with `overrides` applied; tests pass small allowances for the limit they test. */
export function limitConfig(overrides: Partial<LimitConfig> = {}): LimitConfig {
  const config = {} as LimitConfig;
  for (const name of LIMIT_NAMES) {
    const { points, durationS } = LIMIT_TABLE[name];
    config[name] = overrides[name] ?? { points, durationS };
  }
  return config;
}
