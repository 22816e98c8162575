/**
 * What Spotter caches, and for how long an entry may live before it is loaded again even though no
 * write replaced its version (a backstop for changes that reach the database some other way).
 * Never add sessions, memberships, relationships or access checks: their staleness is a security matter.
 */
export const CACHE_NAMESPACES = {
  /** A user's own profile fields (name, handle, bio, gym, picture); never the viewer's relationship to them. */
  profile: { ttl: '10m' },
  /** A workout's summary as its owner stored it; who may see it is checked on every read. */
  workout: { ttl: '10m' },
  /** The seeded exercise library and each user's own exercises. */
  exercise: { ttl: '1h' },
  /** The first page of a user's friends' activity feed. */
  feed: { ttl: '1m' },
} as const;

export type CacheNamespace = keyof typeof CACHE_NAMESPACES;

export const CACHE_NAMESPACE_NAMES = Object.keys(CACHE_NAMESPACES) as CacheNamespace[];
