import { describe, expect, it } from 'vitest';
import { mayOpenSharedWorkout } from './may-open-workout';

const ann = { id: 'ann', username: 'ann', name: 'Ann' };
const card = (visibility: 'PRIVATE' | 'FRIENDS' | 'PUBLIC') => ({ owner: ann, visibility });
const friendOfAnn = [{ kind: 'FRIEND', user: ann }];

describe('mayOpenSharedWorkout', () => {
  it('opens one’s own workout, whatever its visibility', () => {
    expect(mayOpenSharedWorkout(card('PRIVATE'), 'ann', [])).toBe(true);
    expect(mayOpenSharedWorkout(card('FRIENDS'), 'ann', undefined)).toBe(true);
  });

  it('opens a PUBLIC workout for anyone', () => {
    expect(mayOpenSharedWorkout(card('PUBLIC'), 'bo', [])).toBe(true);
  });

  it('opens a FRIENDS workout for the owner’s friends only', () => {
    expect(mayOpenSharedWorkout(card('FRIENDS'), 'bo', friendOfAnn)).toBe(true);
    expect(mayOpenSharedWorkout(card('FRIENDS'), 'bo', [])).toBe(false);
    // A request not yet accepted is not a friendship; nor is a list not loaded yet.
    expect(mayOpenSharedWorkout(card('FRIENDS'), 'bo', [{ kind: 'OUTGOING', user: ann }])).toBe(false);
    expect(mayOpenSharedWorkout(card('FRIENDS'), 'bo', undefined)).toBe(false);
  });

  it('never opens someone else’s PRIVATE workout', () => {
    expect(mayOpenSharedWorkout(card('PRIVATE'), 'bo', friendOfAnn)).toBe(false);
  });
});
