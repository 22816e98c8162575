import type { Database } from '@spotter/db';
import { waitUntil } from '@spotter/test-support';
import { createDeliveries, type Deliveries, type DeliveryFigures, type Rooms } from './deliveries';
import { startPostgresCpu } from './postgres-cpu';
import { cpuMeter, isAlive } from './proc';

/** Where a phase's messages go in: the floor's publisher, Spotter's bus, or message.send. */
export type Target = {
  name: string;
  /** The server processes whose CPU is the phase's cost (replicas or relays). */
  serverPids: readonly number[];
  /** Work before the clock starts (the fan-out phase stores its messages here). */
  prepare?(deliveries: Deliveries, roomOf: (index: number) => number): Promise<void>;
  /** Sends message `index` into `room`; resolves once the system accepted it. */
  send(deliveries: Deliveries, index: number, room: number): Promise<unknown>;
  /** Attempts repeated so far after a "try again" answer, if the target retries. */
  retries?(): number;
  /** Only the run's first N rooms get messages (the hot channel: one); default all of them. */
  roomCount?: number;
};

/** Where receivers report what arrived; a phase listens while it runs. */
export type Arrivals = Set<(client: number, body: string, at: number) => void>;

export type PhaseResult = DeliveryFigures & {
  phase: string;
  rate: number;
  /** Messages per second actually offered (the pacer may fall behind on a saturated machine). */
  offeredPerSecond: number;
  deliveriesPerSecond: number;
  /** Server CPU µs per delivery, summed over the phase's server processes. */
  serverMicrosPerDelivery: number | null;
  serverMicros: number[];
  postgresMicrosPerDelivery: number | null;
  /** PostgreSQL backends' CPU µs over the phase (see POSTGRES_CPU_SOURCE). */
  postgresMicros: number;
  /** From the first send until the last delivery arrived or the drain time passed. */
  elapsedMs: number;
  redisMicrosPerDelivery: number | null;
  /** This process's CPU (the clients and the publisher) as a share of one core. */
  benchCpuPercent: number;
  /** Server processes that were gone at the end. */
  crashed: number[];
  /** Attempts repeated after a "try again" answer during the phase. */
  retries: number;
};

export type PhaseOptions = {
  target: Target;
  tag: string;
  rooms: Rooms;
  clients: number;
  arrivals: Arrivals;
  rate: number;
  seconds: number;
  prisma: Database;
  redisPid: number | undefined;
  /** How long to wait for the last deliveries once every send settled. */
  drainMs?: number;
};

const TICK_MS = 2;
const SEND_SETTLE_MS = 60_000;
const DRAIN_MS = 15_000;

/**
 * Offers `rate` messages/s for `seconds` (open loop: sends are not held back by slow answers, as
 * users are not), messages round-robin over the rooms, then waits until every accepted message
 * reached every member of its room or the drain time passed. CPU is read from /proc around it.
 */
export async function runPhase(options: PhaseOptions): Promise<PhaseResult> {
  const { target, rooms, rate } = options;
  const count = Math.max(1, Math.round(rate * options.seconds));
  const deliveries = createDeliveries({ tag: options.tag, rooms, clients: options.clients, messages: count });
  const roomOf = (index: number) => index % rooms.length;
  await target.prepare?.(deliveries, roomOf);

  const listen = (client: number, body: string, at: number) => deliveries.arrived(client, body, at);
  options.arrivals.add(listen);
  const servers = cpuMeter(target.serverPids);
  const redis = cpuMeter(options.redisPid === undefined ? [] : [options.redisPid]);
  const postgres = await startPostgresCpu(options.prisma);
  const bench = process.cpuUsage();
  const retriesBefore = target.retries?.() ?? 0;
  const startedAt = performance.now();

  const settled: Promise<unknown>[] = [];
  let lastSentAt = startedAt;
  await new Promise<void>((resolve) => {
    let sent = 0;
    const tick = () => {
      const due = Math.min(count, Math.floor(((performance.now() - startedAt) * rate) / 1000) + 1);
      for (; sent < due; sent++) {
        const index = sent;
        settled.push(
          target.send(deliveries, index, roomOf(index)).then(
            () => deliveries.accepted(index),
            (error: unknown) => deliveries.failed(error),
          ),
        );
      }
      lastSentAt = performance.now();
      if (sent < count) setTimeout(tick, TICK_MS);
      else resolve();
    };
    tick();
  });
  const sendSeconds = Math.max((lastSentAt - startedAt) / 1000, 1 / rate);
  await settleWithin(settled, SEND_SETTLE_MS);
  await waitUntil(() => deliveries.isComplete(), {
    timeoutMs: options.drainMs ?? DRAIN_MS,
    intervalMs: 50,
    onTimeout: () => new Error('drain'),
  }).catch(() => {});

  const benchCpu = process.cpuUsage(bench);
  const elapsedMs = performance.now() - startedAt;
  const serverMicros = servers.read();
  const [redisMicros] = redis.read();
  const postgresMicros = await postgres.stop();
  options.arrivals.delete(listen);

  const figures = deliveries.figures();
  const unanswered = count - figures.accepted - figures.errors;
  if (unanswered > 0) {
    figures.errors += unanswered;
    figures.firstError ??= `${unanswered} sends got no answer within ${SEND_SETTLE_MS / 1000} s`;
  }
  const perDelivery = (micros: number | undefined) =>
    micros === undefined || figures.received === 0 ? null : micros / figures.received;
  return {
    phase: target.name,
    rate,
    ...figures,
    offeredPerSecond: count / sendSeconds,
    deliveriesPerSecond: figures.spanMs > 0 ? figures.received / (figures.spanMs / 1000) : 0,
    serverMicros,
    serverMicrosPerDelivery: perDelivery(serverMicros.reduce((a, b) => a + b, 0)),
    postgresMicrosPerDelivery: perDelivery(postgresMicros),
    postgresMicros,
    elapsedMs,
    redisMicrosPerDelivery: perDelivery(redisMicros),
    benchCpuPercent: ((benchCpu.user + benchCpu.system) / 1000 / elapsedMs) * 100,
    crashed: target.serverPids.filter((pid) => !isAlive(pid)),
    retries: (target.retries?.() ?? 0) - retriesBefore,
  };
}

/** Waits for every send to settle, but not for ever: one that never answers is counted as failed. */
async function settleWithin(settled: Promise<unknown>[], timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([Promise.allSettled(settled), limit]);
  clearTimeout(timer);
}
