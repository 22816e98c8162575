import type { Replica } from '../../../apps/realtime/src/testing/replica';

const PROBE_WAIT_MS = 20_000;

/** The status `/ready` of `replica` answers right now (0 when it does not answer at all). */
export async function readyStatus(replica: Replica): Promise<number> {
  try {
    const res = await fetch(`${replica.httpUrl}/ready`);
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/** Polls `/ready` of every replica until each answers `status`; rejects after 20 s with what they said. */
export async function untilEveryReplicaAnswers(replicas: Replica[], status: number): Promise<void> {
  const deadline = Date.now() + PROBE_WAIT_MS;
  let last: number[] = [];
  while (Date.now() < deadline) {
    last = await Promise.all(replicas.map(readyStatus));
    if (last.every((s) => s === status)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`/ready did not answer ${status} on every replica within ${PROBE_WAIT_MS} ms: [${last}]`);
}

/** The pid of the process serving `replica`'s port, from the replica id `/health` reports (`host:pid`). */
export async function servingPid(replica: Replica): Promise<number> {
  const body = (await (await fetch(`${replica.httpUrl}/health`)).json()) as { replica?: string };
  return Number(body.replica?.split(':').pop());
}
