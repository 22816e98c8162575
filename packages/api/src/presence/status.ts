/** What others see of a user. */
export type PresenceStatus = 'online' | 'idle' | 'dnd' | 'offline';
/** What one connection (one tab, one device, one bot) reports: input within the idle timeout, or not. */
export type Activity = 'active' | 'idle';
/** The status a user picked in the status menu; `auto` lets their connections decide. */
export type ManualMode = 'auto' | 'dnd' | 'invisible';

/**
 * Combines a user's connections and manual mode into one status. A manual mode beats the
 * connections ("appear offline" shows offline even while connected; do-not-disturb shows while
 * connected at all); otherwise any active connection beats idle ones. Without connections: offline.
 * The Redis store runs the same rule in Lua (redis-scripts.ts); keep the two in step.
 */
export function combinePresence(mode: ManualMode, activities: Iterable<Activity>): PresenceStatus {
  if (mode === 'invisible') return 'offline';
  let hasAny = false;
  for (const activity of activities) {
    if (activity === 'active' && mode === 'auto') return 'online';
    hasAny = true;
  }
  if (!hasAny) return 'offline';
  return mode === 'dnd' ? 'dnd' : 'idle';
}

export function modeFromColumn(column: 'AUTO' | 'DND' | 'INVISIBLE'): ManualMode {
  return column === 'DND' ? 'dnd' : column === 'INVISIBLE' ? 'invisible' : 'auto';
}

export function modeToColumn(mode: ManualMode): 'AUTO' | 'DND' | 'INVISIBLE' {
  return mode === 'dnd' ? 'DND' : mode === 'invisible' ? 'INVISIBLE' : 'AUTO';
}
