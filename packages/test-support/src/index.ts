export { connectClient, httpClient, type WsTestClient } from './client';
export { recordChannelEvents, recordMyEvents, recordTrainingEvents } from './events';
export { runNpm } from './npm-script';
export { freePort, isListening } from './ports';
export { type PostgresServer, startPostgresServer } from './postgres-server';
export { type ProcessExit, type ServerProcess, type SpawnOptions, spawnServer, spawnTsx } from './processes';
export { buildRealtime, builtRealtimeMain } from './realtime-build';
export { type RedisServer, startRedisServer } from './redis-server';
export { type Replica, type ReplicaExit, type ReplicaOptions, spawnReplica, startReplica } from './replica';
export { startTcpProxy, type TcpProxy } from './tcp-proxy';
export {
  startTestStack,
  startWebSide,
  TEST_SECRET,
  type TestStack,
  type TestStackOptions,
  type WebSide,
} from './test-stack';
export { createUserWithToken, signIn } from './users';
export { untilHttpOk, type WaitOptions, waitUntil, within } from './wait';
export { startWebServer, type WebServer, type WebServerOptions } from './web-server';
export {
  authenticateOverSocket,
  callQuery,
  openAccepted,
  openSocket,
  type TrpcReply,
  type UpgradeOutcome,
} from './ws-probe';
