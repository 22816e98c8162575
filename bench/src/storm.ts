import { type WsTestClient, waitUntil } from '@spotter/test-support';
import type { RunContext } from './context';
import { percentiles } from './percentiles';
import { connectSpotterClients } from './spotter/clients';
import { startReplicas } from './spotter/replicas';

/** How often each room's sender posts while the storm is measured. */
const TICK_MS = 100;
/** How long after the kill a moved client may take before it counts as not back. */
const RECOVERY_LIMIT_MS = 15_000;

export type StormResult = {
  clients: number;
  moved: number;
  /** Kill → first message received again, per moved client. */
  recoveryP50Ms: number | null;
  recoveryP99Ms: number | null;
  recoveryMaxMs: number | null;
  notBack: number;
  /** Sends of users on the surviving replicas during the storm. */
  unaffectedSends: number;
  unaffectedFailures: number;
  firstFailure: string | null;
};

/**
 * The reconnect storm: R fresh replicas (at least 2), every client subscribed to its room, each room's
 * sender (a member on a surviving replica) posting every TICK_MS; then the first replica is SIGKILLed.
 * Its clients reconnect to the others (their URL is asked again on every reconnect, as a proxy would
 * answer) and resume from their last event. Measures how long each moved client takes to receive
 * again, and whether any send of a user who was not moved failed meanwhile.
 */
export async function runStorm(context: RunContext): Promise<StormResult> {
  const { env, options, log } = context;
  const replicas = await startReplicas(context, Math.max(2, options.replicas));
  const doomed = replicas[0];
  if (!doomed) throw new Error('no replica to kill');
  let live = replicas.map((replica) => replica.url);
  const urlOf = (index: number) => () => live[index % live.length] as string;
  const isMoved = (index: number) => index % replicas.length === 0;

  const firstAfterKill = new Map<number, number>();
  let killedAt = Number.POSITIVE_INFINITY;
  const onCreated = (index: number, _body: string, at: number) => {
    if (at > killedAt && !firstAfterKill.has(index)) firstAfterKill.set(index, at);
  };
  const connected = await connectSpotterClients(urlOf, env.users, env.rooms, new Set([onCreated]));
  context.cleanup.defer(() => connected.close());
  const { clients } = connected;
  const total = env.rooms.reduce((sum, room) => sum + room.members.length, 0);

  // Each room's sender is a member that stays where it is.
  const senders = env.rooms.flatMap(({ channelId, members }) => {
    const sender = members.find((index) => !isMoved(index));
    return sender === undefined ? [] : [{ channelId, client: clients[sender] as WsTestClient }];
  });
  let sends = 0;
  let failures = 0;
  let firstFailure: string | null = null;
  let isTicking = true;
  const pending: Promise<unknown>[] = [];
  const ticking = (async () => {
    for (let tick = 0; isTicking; tick++) {
      for (const { channelId, client } of senders) {
        sends++;
        const sent = client.trpc.message.send
          .mutate({ channelId, body: `storm ${tick}`, nonce: `storm-${channelId}-${tick}` })
          .catch((error: Error) => {
            failures++;
            firstFailure ??= error.message;
          });
        pending.push(sent);
      }
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    }
  })();

  const movedClients = env.rooms.flatMap(({ members }) => members.filter(isMoved));
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  log(`storm: SIGKILL replica ${doomed.pid}, which holds ${movedClients.length} of ${total} clients`);
  live = replicas.slice(1).map((replica) => replica.url);
  killedAt = performance.now();
  await doomed.stop('SIGKILL');
  await waitUntil(() => movedClients.every((index) => firstAfterKill.has(index)), {
    timeoutMs: RECOVERY_LIMIT_MS,
    intervalMs: 50,
    onTimeout: () => new Error('not every moved client is back'),
  }).catch(() => {});
  // A little longer, so sends racing the storm's end are counted too.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  isTicking = false;
  await ticking;
  await Promise.all(pending);

  const recoveries = Float64Array.from(
    movedClients.flatMap((index) => {
      const at = firstAfterKill.get(index);
      return at === undefined ? [] : [at - killedAt];
    }),
  );
  const [p50, p99, max] = percentiles(recoveries, [50, 99, 100]);
  return {
    clients: total,
    moved: movedClients.length,
    recoveryP50Ms: p50 ?? null,
    recoveryP99Ms: p99 ?? null,
    recoveryMaxMs: max ?? null,
    notBack: movedClients.length - recoveries.length,
    unaffectedSends: sends,
    unaffectedFailures: failures,
    firstFailure,
  };
}
