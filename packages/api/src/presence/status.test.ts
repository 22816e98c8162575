import { describe, expect, it } from 'vitest';
import { combinePresence } from './status';

describe('combinePresence', () => {
  it('is online when any connection is active, however many are idle', () => {
    expect(combinePresence('auto', ['idle', 'active', 'idle'])).toBe('online');
  });

  it('is idle only when every connection is idle', () => {
    expect(combinePresence('auto', ['idle', 'idle'])).toBe('idle');
  });

  it('is offline without connections, whatever the manual mode', () => {
    expect(combinePresence('auto', [])).toBe('offline');
    expect(combinePresence('dnd', [])).toBe('offline');
  });

  it('lets do-not-disturb beat active and idle connections', () => {
    expect(combinePresence('dnd', ['active'])).toBe('dnd');
    expect(combinePresence('dnd', ['idle'])).toBe('dnd');
  });

  it('shows "appear offline" as offline while connected', () => {
    expect(combinePresence('invisible', ['active', 'idle'])).toBe('offline');
  });
});
