import type { PresenceChange } from '../bus/topics';
import { combinePresence, type ManualMode, type PresenceStatus } from './status';
import { type LocalConnection, OFFLINE_GRACE_MS, type PresenceStore, type StoreHooks } from './store';

type UserState = { mode: ManualMode; connections: Map<string, LocalConnection> };

/**
 * Single-instance mode: this process holds every connection, so presence is a map. An offline
 * change waits out the grace period on a timer.
 */
export function createMemoryPresenceStore(
  hooks: Pick<StoreHooks, 'onSettled'>,
  graceMs = OFFLINE_GRACE_MS,
): PresenceStore {
  const users = new Map<string, UserState>();
  const shown = new Map<string, PresenceStatus>();
  const pending = new Map<string, NodeJS.Timeout>();

  const stateOf = (userId: string): UserState => {
    let state = users.get(userId);
    if (!state) {
      state = { mode: 'auto', connections: new Map() };
      users.set(userId, state);
    }
    return state;
  };

  const settle = (userId: string, isGraced: boolean): PresenceChange | null => {
    const state = users.get(userId);
    const status = state
      ? combinePresence(
          state.mode,
          [...state.connections.values()].map((c) => c.activity),
        )
      : 'offline';
    const before = shown.get(userId) ?? 'offline';
    if (status === 'offline' && before !== 'offline' && isGraced) {
      if (!pending.has(userId)) {
        const timer = setTimeout(() => {
          pending.delete(userId);
          const change = settle(userId, false);
          if (change) hooks.onSettled([change]);
        }, graceMs);
        timer.unref();
        pending.set(userId, timer);
      }
      return null;
    }
    clearTimeout(pending.get(userId));
    pending.delete(userId);
    if (state && state.connections.size === 0) users.delete(userId);
    if (status === before) return null;
    if (status === 'offline') shown.delete(userId);
    else shown.set(userId, status);
    return { userId, status };
  };

  return {
    async connect(connection, mode) {
      const state = stateOf(connection.userId);
      state.mode = mode;
      state.connections.set(connection.connectionId, { ...connection });
      return settle(connection.userId, true);
    },
    async setActivity(connection) {
      stateOf(connection.userId).connections.set(connection.connectionId, { ...connection });
      return settle(connection.userId, true);
    },
    async disconnect(connection) {
      users.get(connection.userId)?.connections.delete(connection.connectionId);
      return settle(connection.userId, true);
    },
    async setMode(userId, mode) {
      const state = users.get(userId);
      if (!state) return null; // not connected: offline whatever the mode
      state.mode = mode;
      return settle(userId, false);
    },
    async shown(userIds) {
      return new Map(userIds.map((id) => [id, shown.get(id) ?? 'offline']));
    },
    async close() {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}
