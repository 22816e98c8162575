import type { PresenceChange } from '../bus/topics';
import type { Activity, ManualMode, PresenceStatus } from './status';

/** A connection this process holds, as the store needs it to (re-)register it. */
export type LocalConnection = { userId: string; connectionId: string; activity: Activity };

/**
 * Where presence state lives: in Redis in scaled mode (shared by every replica), in memory in
 * single-instance mode. Each write returns the change to announce, if the user's shown status
 * changed; offline is announced only after a grace period (a reload or a drain reconnects within
 * it), and such delayed changes, like those of a crashed replica, arrive through `onSettled`.
 */
export type PresenceStore = {
  connect(connection: LocalConnection, mode: ManualMode): Promise<PresenceChange | null>;
  setActivity(connection: LocalConnection): Promise<PresenceChange | null>;
  /** `isLastHere`: the user has no other connection on this process. */
  disconnect(connection: LocalConnection, isLastHere: boolean): Promise<PresenceChange | null>;
  setMode(userId: string, mode: ManualMode): Promise<PresenceChange | null>;
  /** The status last announced for each user (offline when none). */
  shown(userIds: readonly string[]): Promise<Map<string, PresenceStatus>>;
  close(): Promise<void>;
};

export type StoreHooks = {
  /** Changes decided later: a grace period ended, a dead replica's connections were swept. */
  onSettled(changes: PresenceChange[]): void;
  /** The connections this process holds now (to re-register after a Redis restart). */
  localConnections(): LocalConnection[];
  /** Manual modes from the database, for re-registering. */
  loadModes(userIds: readonly string[]): Promise<Map<string, ManualMode>>;
};

/** How long an offline change is held back: a reload or a drain reconnects well within it. */
export const OFFLINE_GRACE_MS = 5_000;
