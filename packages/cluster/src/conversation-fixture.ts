import '@spotter/db/testing';
import { afterAll, beforeAll, inject } from 'vitest';
import { type Cluster, type ClusterOptions, startCluster } from './cluster';
import { type Conversation, startConversation } from './load/conversation';

/**
 * For a failover test file: before all tests, a cluster (own Redis, 3 realtime replicas, nginx) on
 * the run's database and `clients` warmed-up clients spread over `channels`; after all, both stopped.
 * Read `cluster` and `conversation` inside tests, once the hooks have run.
 */
export function useClusterConversation(options: {
  clients: number;
  channels: number;
  realtimeEnv?: ClusterOptions['realtimeEnv'];
}) {
  const state = {} as { cluster: Cluster; conversation: Conversation };
  beforeAll(async () => {
    state.cluster = await startCluster({
      databaseUrl: inject('databaseUrl'),
      realtimeEnv: options.realtimeEnv,
    });
    state.conversation = await startConversation({
      wsUrl: state.cluster.wsUrl,
      databaseUrl: state.cluster.databaseUrl,
      secret: state.cluster.secret,
      clients: options.clients,
      channels: options.channels,
    });
    await state.conversation.warmUp();
  });
  afterAll(async () => {
    await state.conversation?.close();
    await state.cluster?.stop();
  });
  return state;
}
