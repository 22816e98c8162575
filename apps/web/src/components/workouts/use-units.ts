'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/trpc/react';
import type { Units } from './format';

/** Until the reader's own units have loaded, weights read in the defaults a new account has. */
const DEFAULT_UNITS: Units = { weightUnit: 'KG', distanceUnit: 'KM' };

/**
 * The signed-in reader's units, for components that show someone's weights (a friend's card reads
 * in the reader's pounds, not the owner's kilograms). Read once and kept: changing them in settings
 * writes the new ones into this cache (see UnitsSettings).
 */
export function useUnits(): Units {
  const trpc = useTRPC();
  const { data } = useQuery({ ...trpc.me.units.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  return data ?? DEFAULT_UNITS;
}
