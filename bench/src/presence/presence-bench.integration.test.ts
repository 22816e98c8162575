import { afterAll, expect, it } from 'vitest';
import { createCleanup } from '../cleanup';
import { formatPresenceReport, runPresenceBench } from './run-presence';

const cleanup = createCleanup();
afterAll(() => cleanup.run());

// Latencies are printed, never asserted (the machine is shared). The cost that is asserted is the
// one the design promises: one Redis publish per status change, however many friends watch.
it('costs one publish per status change for 10 friends and for 60, and every friend gets every change', {
  timeout: 240_000,
}, async () => {
  const rows = await runPresenceBench([10, 60], cleanup, () => {});
  process.stdout.write(`${formatPresenceReport(rows)}\n`);

  expect(rows.map((row) => row.publishesPerChange)).toEqual([1, 1]);
  expect(rows.map((row) => row.deliveries)).toEqual([10 * 8, 60 * 8]);
});
