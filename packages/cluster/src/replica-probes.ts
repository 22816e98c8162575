import { type Replica, waitUntil } from '@spotter/test-support';

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
  let last: number[] = [];
  await waitUntil(
    async () => {
      last = await Promise.all(replicas.map(readyStatus));
      return last.every((s) => s === status);
    },
    {
      timeoutMs: PROBE_WAIT_MS,
      intervalMs: 100,
      onTimeout: () =>
        new Error(`/ready did not answer ${status} on every replica within ${PROBE_WAIT_MS} ms: [${last}]`),
    },
  );
}

/** The pid of the process serving `replica`'s port, from the replica id `/health` reports (`host:pid`). */
export async function servingPid(replica: Replica): Promise<number> {
  const body = (await (await fetch(`${replica.httpUrl}/health`)).json()) as { replica?: string };
  return Number(body.replica?.split(':').pop());
}
