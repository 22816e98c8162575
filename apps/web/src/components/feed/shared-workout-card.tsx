'use client';

import type { WorkoutCard as Card } from '@spotter/api';
import { useFriends } from '@/chat/use-friends';
import { mayOpenSharedWorkout } from './may-open-workout';
import { WorkoutCard } from './workout-card';

/**
 * A workout shared into a conversation. Its members need not be the owner's friends, so the title
 * links to the workout's page only for those it will open for; the owner's name always links to
 * their profile, which anyone may open.
 */
export function SharedWorkoutCard({ card, readerId }: { card: Card; readerId: string }) {
  const { data: friends } = useFriends();
  return (
    <WorkoutCard
      card={card}
      links={{ workout: mayOpenSharedWorkout(card, readerId, friends), owner: true }}
    />
  );
}
