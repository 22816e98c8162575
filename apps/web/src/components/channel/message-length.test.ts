import { describe, expect, it } from 'vitest';
import { formatCount, MESSAGE_MAX_LENGTH, measureMessage } from './message-length';

describe('measureMessage', () => {
  it('shows no counter and no error for an everyday message', () => {
    expect(measureMessage('Squats at 6?')).toEqual({
      length: 12,
      isCounterShown: false,
      overLimitError: null,
    });
  });

  it('shows the counter near the limit but still allows sending at exactly the limit', () => {
    const atLimit = measureMessage('x'.repeat(MESSAGE_MAX_LENGTH));
    expect(atLimit.isCounterShown).toBe(true);
    expect(atLimit.overLimitError).toBeNull();
  });

  it('explains an over-limit message with both numbers', () => {
    expect(measureMessage('x'.repeat(4512)).overLimitError).toBe(
      'This message is 4,512 characters; the limit is 4,000.',
    );
  });

  it('counts as the server does, without surrounding whitespace', () => {
    expect(measureMessage(`  ${'x'.repeat(MESSAGE_MAX_LENGTH)}\n\n`).overLimitError).toBeNull();
  });
});

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(3987)).toBe('3,987 / 4,000');
  });
});
