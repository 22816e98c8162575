import { parseArgs } from 'node:util';

const PHASES = ['floor', 'fanout', 'whole', 'hot'] as const;
export type PhaseName = (typeof PHASES)[number];
/** Spotter's phases; the floor always runs, as every ratio is to it. */
const SPOTTER_PHASES = ['fanout', 'whole', 'hot'] as const;
export type SpotterPhaseName = (typeof SPOTTER_PHASES)[number];

export type BenchOptions = {
  replicas: number;
  clients: number;
  /** Members per room (the last room may be smaller). */
  room: number;
  /** Messages per second offered, over all rooms. */
  rate: number;
  seconds: number;
  /** Spotter's phases to run (all by default): one alone gives a quicker before/after figure. */
  phases: SpotterPhaseName[];
  /** Phases whose highest held rate is searched for. */
  ramp: PhaseName[];
  isHostile: boolean;
  /** Also kill one of R replicas under load and measure how fast its clients are back. */
  isStorm: boolean;
  /** Idle connections for the memory figure; 0 skips it. */
  idle: number;
  /** Where the figures are written as JSON, if anywhere. */
  json: string | undefined;
  isQuick: boolean;
};

const FULL = { replicas: 3, clients: 600, room: 20, rate: 1000, seconds: 10, idle: 1000 };
// Small enough for `npm test` on a busy 2-core machine, large enough that every path is exercised.
const QUICK = { replicas: 2, clients: 40, room: 10, rate: 50, seconds: 3, idle: 100 };

export const USAGE = `npm run bench -- [options]

Measures Spotter's realtime cost against a raw ws + ioredis relay (the floor), in one run.

  --replicas N     realtime replicas (and relay processes)        default ${FULL.replicas}
  --clients N      WebSocket clients, round-robin over replicas    default ${FULL.clients}
  --room N         members per room                                default ${FULL.room}
  --rate N         messages/s offered over all rooms               default ${FULL.rate}
  --seconds N      length of each phase                            default ${FULL.seconds}
  --idle N         idle connections for the KB/connection figure   default ${FULL.idle} (0: skip)
  --phases LIST    Spotter's phases to run: fanout,whole,hot        default all (the floor always runs)
  --ramp LIST      raise the rate ×1.5 per step until p99 > 100 ms or a loss (or lower it ÷1.5 until
                   one is held, if --rate is not): floor,fanout,whole,hot or all
  --hostile        measure a healthy client's p99 while another client misbehaves
  --storm          SIGKILL one of the replicas under load: how fast its clients receive again, and
                   whether any send of a client on the other replicas fails
  --json FILE      also write every figure to FILE
  --quick          ${QUICK.replicas} replicas, ${QUICK.clients} clients, rooms of ${QUICK.room}, ${QUICK.rate}/s, ${QUICK.seconds} s phases, no ramp;
                   exits non-zero only on a correctness failure (a loss, a duplicate, a crash)
  --help`;

/** Parses the command line; throws with a message naming the bad option. */
export function parseOptions(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      replicas: { type: 'string' },
      clients: { type: 'string' },
      room: { type: 'string' },
      rate: { type: 'string' },
      seconds: { type: 'string' },
      idle: { type: 'string' },
      ramp: { type: 'string' },
      phases: { type: 'string' },
      hostile: { type: 'boolean', default: false },
      storm: { type: 'boolean', default: false },
      json: { type: 'string' },
      quick: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const base = values.quick ? QUICK : FULL;
  const count = (name: keyof typeof FULL, min: number): number => {
    const raw = values[name];
    if (raw === undefined) return base[name];
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min)
      throw new Error(`--${name} must be a number ≥ ${min}, got "${raw}"`);
    return value;
  };
  const options: BenchOptions = {
    replicas: Math.round(count('replicas', 1)),
    clients: Math.round(count('clients', 1)),
    room: Math.round(count('room', 1)),
    rate: count('rate', 0.1),
    seconds: count('seconds', 0.5),
    idle: Math.round(count('idle', 0)),
    phases:
      values.phases === undefined
        ? [...SPOTTER_PHASES]
        : parseList('--phases', values.phases, SPOTTER_PHASES),
    ramp: values.quick || values.ramp === undefined ? [] : parseRamp(values.ramp),
    isHostile: values.hostile,
    isStorm: values.storm,
    json: values.json,
    isQuick: values.quick,
  };
  if (options.room > options.clients) throw new Error('--room cannot exceed --clients');
  return options;
}

function parseRamp(raw: string): PhaseName[] {
  return raw === 'all' ? [...PHASES] : parseList('--ramp', raw, PHASES, ' or all');
}

/** A comma-separated list of names out of `allowed`; throws naming the first one that is not. */
function parseList<T extends string>(option: string, raw: string, allowed: readonly T[], orElse = ''): T[] {
  const names = raw.split(',').map((name) => name.trim());
  for (const name of names)
    if (!allowed.includes(name as T))
      throw new Error(`${option} takes ${allowed.join(', ')}${orElse} (comma-separated), got "${name}"`);
  return names as T[];
}
