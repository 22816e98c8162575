/**
 * The one place where units are converted. Workouts are stored in kilograms and metres whatever a
 * user sees; input arrives in the user's units and is converted here before it is validated or
 * stored, and views convert back. Nothing is rounded here: rounding is for display only
 * (`roundForDisplay`), so a weight entered in pounds comes back as exactly the number entered.
 */
export type WeightUnit = 'KG' | 'LB';
export type DistanceUnit = 'KM' | 'MI';
export type Units = { weightUnit: WeightUnit; distanceUnit: DistanceUnit };

/** The international avoirdupois pound (1959): exact by definition. */
export const KG_PER_LB = 0.45359237;
/** The international mile: exact by definition. */
export const METRES_PER_MILE = 1609.344;

export function toKg(weight: number, unit: WeightUnit): number {
  return unit === 'LB' ? weight * KG_PER_LB : weight;
}

export function fromKg(kg: number, unit: WeightUnit): number {
  return unit === 'LB' ? kg / KG_PER_LB : kg;
}

/** A distance entered in km or miles, in metres. */
export function toMetres(distance: number, unit: DistanceUnit): number {
  return unit === 'MI' ? distance * METRES_PER_MILE : distance * 1000;
}

/** Metres as km or miles. */
export function fromMetres(metres: number, unit: DistanceUnit): number {
  return unit === 'MI' ? metres / METRES_PER_MILE : metres / 1000;
}

/** Rounds for showing a number to a person (never for storing): `digits` decimals, no "-0". */
export function roundForDisplay(value: number, digits = 1): number {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}
