import { type CredentialsRevoked, topics } from '../bus/topics';
import type { EventBus } from '../bus/types';
import type { Logger } from '../logger';

/** How long a replica trusts a "still valid" answer from the database without asking again. */
export const LIVE_TTL_MS = 30_000;
/**
 * How long a "revoked" answer is kept. It only has to outlast a database read that started before
 * the revocation committed (see rememberLive); after that the database says "revoked" itself.
 */
const REVOKED_TTL_MS = 120_000;
const SWEEP_ABOVE = 20_000;

type Entry<T> = { value: T; until: number };
export type RevocationListener = (revoked: CredentialsRevoked) => void;

/**
 * A replica's memory of which credentials are valid. PostgreSQL is the truth (SignInSession,
 * ApiToken); this cache saves a query per request, and the bus makes it safe: a revocation is
 * published to every replica, which marks it here and closes that credential's sockets. "Valid"
 * answers are cached only while the bus subscription is live and are all dropped when the bus comes
 * back from an outage (a revocation may have been missed), so a Redis restart never revives a
 * revoked session: the next check asks the database.
 */
export class CredentialCache {
  private readonly sessions = new Map<string, Entry<'live' | 'revoked'>>();
  private readonly tokens = new Map<string, Entry<unknown>>();
  private readonly revokedTokens = new Map<string, Entry<true>>();
  private readonly listeners = new Set<RevocationListener>();
  private isListening = false;

  constructor(bus: EventBus, logger: Logger) {
    const stop = new AbortController();
    bus.onLive(() => this.forgetLive());
    void bus
      .subscribe(topics.credentialsRevoked(), { signal: stop.signal })
      .then(async (revocations) => {
        this.isListening = true;
        for await (const revoked of revocations) this.apply(revoked);
      })
      .catch((err: unknown) => logger.warn({ err }, 'stopped listening for revoked sessions'))
      .finally(() => {
        this.isListening = false;
        this.forgetLive();
      });
  }

  sessionState(sessionId: string): 'live' | 'revoked' | undefined {
    return fresh(this.sessions, sessionId);
  }

  /** Remembers a database answer; a "live" one never overwrites a revocation heard meanwhile. */
  rememberSession(sessionId: string, state: 'live' | 'revoked') {
    if (state === 'live' && (!this.isListening || this.sessionState(sessionId) === 'revoked')) return;
    put(this.sessions, sessionId, state, state === 'live' ? LIVE_TTL_MS : REVOKED_TTL_MS);
  }

  /** A token's row by the token's hash, unless it was revoked since. */
  token<T extends { id: string }>(hash: string): T | undefined {
    const row = fresh(this.tokens, hash) as T | undefined;
    return row && !fresh(this.revokedTokens, row.id) ? row : undefined;
  }

  rememberToken(hash: string, row: { id: string }) {
    if (!this.isListening || fresh(this.revokedTokens, row.id)) return;
    put(this.tokens, hash, row, LIVE_TTL_MS);
  }

  /** Marks revoked credentials (from this replica or the bus) and tells the socket servers. */
  apply(revoked: CredentialsRevoked) {
    for (const id of revoked.sessionIds) put(this.sessions, id, 'revoked', REVOKED_TTL_MS);
    for (const id of revoked.tokenIds) put(this.revokedTokens, id, true, REVOKED_TTL_MS);
    for (const listener of this.listeners) listener(revoked);
  }

  /** Called for every revocation this replica hears of; returns the function that stops the calls. */
  onRevoked(listener: RevocationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private forgetLive() {
    for (const [id, entry] of this.sessions) if (entry.value === 'live') this.sessions.delete(id);
    this.tokens.clear();
  }
}

function fresh<T>(map: Map<string, Entry<T>>, key: string): T | undefined {
  const entry = map.get(key);
  if (!entry) return undefined;
  if (entry.until > Date.now()) return entry.value;
  map.delete(key);
  return undefined;
}

function put<T>(map: Map<string, Entry<T>>, key: string, value: T, ttlMs: number) {
  if (map.size > SWEEP_ABOVE) {
    const now = Date.now();
    for (const [k, entry] of map) if (entry.until <= now) map.delete(k);
  }
  map.set(key, { value, until: Date.now() + ttlMs });
}

const CACHES = Symbol.for('spotter.credentialCaches');
const store = globalThis as { [CACHES]?: WeakMap<EventBus, CredentialCache> };

/**
 * The cache of the process's bus: one per bus, on `globalThis` because Next loads this package as
 * several module copies that must share it (as they share the memory bus).
 */
export function credentialCacheFor(deps: { bus: EventBus; logger: Logger }): CredentialCache {
  store[CACHES] ??= new WeakMap();
  let cache = store[CACHES].get(deps.bus);
  if (!cache) {
    cache = new CredentialCache(deps.bus, deps.logger);
    store[CACHES].set(deps.bus, cache);
  }
  return cache;
}
