export { judgeOrigin, type OriginVerdict, originOf } from './allowed-origins';
export { EnvError, throwEnvError } from './env-error';
export { envVars, LOG_LEVELS, PLACEHOLDER_SECRET } from './env-schema';
export { type ShutdownOptions, stopOnSignals } from './shutdown';
export {
  createWsEndpoint,
  KEEP_ALIVE,
  MAX_PAYLOAD_BYTES,
  type WsEndpoint,
  type WsEndpointOptions,
} from './ws-endpoint';
