import type { Database } from '@spotter/db';
import { z } from 'zod';
import type { Units } from './units';

export const SetUnitsInput = z.object({
  weightUnit: z.enum(['KG', 'LB']).optional(),
  distanceUnit: z.enum(['KM', 'MI']).optional(),
});
export type SetUnitsInput = z.infer<typeof SetUnitsInput>;

/** The units this user enters and sees workouts in (stored data stays in kg and metres). */
export function getUnits(prisma: Database, userId: string): Promise<Units> {
  return prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { weightUnit: true, distanceUnit: true },
  });
}

export function setUnits(prisma: Database, userId: string, input: SetUnitsInput): Promise<Units> {
  return prisma.user.update({
    where: { id: userId },
    data: input,
    select: { weightUnit: true, distanceUnit: true },
  });
}
