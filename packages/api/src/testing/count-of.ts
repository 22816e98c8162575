import type { Counter } from 'prom-client';

/** A prom-client counter's total over all its labels: what a test reads instead of a private tally. */
export async function countOf(counter: Counter<string>): Promise<number> {
  const { values } = await counter.get();
  return values.reduce((sum, { value }) => sum + value, 0);
}
