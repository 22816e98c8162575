/**
 * Exact percentiles of a phase's latencies. A phase holds at most a few hundred thousand samples, so
 * sorting a Float64Array (tens of ms) is cheaper to trust than a histogram's bucket precision, and
 * needs no dependency.
 */
export function percentiles(samples: Float64Array, wanted: readonly number[]): (number | null)[] {
  if (samples.length === 0) return wanted.map(() => null);
  const sorted = Float64Array.from(samples).sort();
  // Nearest rank: the smallest sample with at least p% of the samples at or below it.
  return wanted.map((p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? null);
}
