export { type CacheOptions, createCache } from './create-cache';
export { CACHE_NAMESPACES, type CacheNamespace } from './namespaces';
export type { Cache, CacheKind } from './types';
