export {
  CLIENT_IP_HEADER,
  clientIpOf,
  DEFAULT_TRUSTED_PROXIES,
  isProxyEntry,
  stampClientIp,
  trustedProxies,
} from './client-ip';
export { limitConfigFromEnv, limitEnvVars } from './env';
export { createLimits, type Limits } from './limiter';
export { LIMIT_TABLE, type LimitConfig, type LimitName, limitConfig, MAX_BATCH_SIZE } from './table';
