import { type Database, seed } from '@spotter/db';
import { seedDemoWorkouts } from './demo-workouts';

/**
 * All the demo data (password `spotter-demo`): the people, friendships, channels and messages of
 * @spotter/db's `seed`, then their workouts, whose records only this package knows how to derive.
 * Idempotent, as both parts are.
 */
export async function seedDemoData(prisma: Database, now = new Date()): Promise<void> {
  await seed(prisma);
  await seedDemoWorkouts(prisma, now);
}
