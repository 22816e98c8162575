import { buildRealtime } from './realtime-build';

/** Vitest global setup of the integration project: its replicas run a build of the code under test. */
export default async function setup(): Promise<void> {
  await buildRealtime();
}
