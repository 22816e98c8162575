import { describe, expect, it } from 'vitest';
import { answer } from './commands';

describe('bot commands', () => {
  it('answers its commands, in any case, and nothing else', () => {
    expect(answer('!ping')).toBe('pong');
    expect(answer('  !PING now ')).toBe('pong');
    expect(answer('!help')).toContain('!ping');
    expect(answer('ping')).toBeNull();
    expect(answer('!unknown')).toBeNull();
    expect(answer('say !ping')).toBeNull();
  });
});
