import type Redis from 'ioredis';

/** Calls per command since the server started, from INFO commandstats (Lua's inner calls included). */
export async function commandCalls(redis: Redis): Promise<Map<string, number>> {
  const calls = new Map<string, number>();
  for (const line of (await redis.info('commandstats')).split('\n')) {
    const match = /^cmdstat_([^:]+):calls=(\d+)/.exec(line.trim());
    if (match) calls.set(match[1] as string, Number(match[2]));
  }
  return calls;
}

/** What ran between two readings, without the bench's own INFO. */
export function callsBetween(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const delta = new Map<string, number>();
  for (const [name, count] of after) {
    if (name === 'info') continue;
    const ran = count - (before.get(name) ?? 0);
    if (ran > 0) delta.set(name, ran);
  }
  return delta;
}

export function total(calls: Map<string, number>): number {
  let sum = 0;
  for (const count of calls.values()) sum += count;
  return sum;
}
