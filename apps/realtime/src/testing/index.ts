export { connectClient, httpClient, type WsTestClient } from './client';
export { recordChannelEvents } from './events';
export { type Replica, type ReplicaExit, spawnReplica, startReplica } from './replica';
export { createUserWithToken } from './users';
