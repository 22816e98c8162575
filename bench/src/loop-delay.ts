/** How late an event loop ran over a span of time, in ms (null when /metrics did not say). */
export type LoopDelay = { p99: number | null; max: number | null };

/**
 * The interval of the loop-delay samplers: the replica's (prom-client's, set in the API's
 * `collectProcessMetrics`) and the bench's own. Node records the whole time between two samples, so a
 * prompt loop reads about this much; the figures here are what is left over: how late it ran.
 */
export const LOOP_SAMPLING_MS = 10;

/** A sampler's p99 and max (in ms, sampling interval included) as lateness. */
export function lateness(p99: number | null, max: number | null): LoopDelay {
  const late = (ms: number | null) => (ms === null ? null : Math.max(0, ms - LOOP_SAMPLING_MS));
  return { p99: late(p99), max: late(max) };
}

/** A gauge's value from Prometheus text, or null when the sample is absent. */
function gaugeValue(text: string, name: string): number | null {
  const match = new RegExp(`^${name} ([^\\s]+)`, 'm').exec(text);
  if (!match?.[1]) return null;
  const value = Number(match[1]);
  return Number.isFinite(value) ? value : null;
}

const scrape = async (httpUrl: string) => (await fetch(`${httpUrl}/metrics`)).text();

/**
 * Watches a replica's event loop between now and `read()`: prom-client's loop-delay histogram is reset
 * at every scrape, so the scrape here starts the span and the one in `read()` ends it. A slow answer
 * while the loop kept its pace was waiting on something else (the database, the network).
 */
export async function watchLoopDelay(httpUrl: string) {
  await scrape(httpUrl);
  return {
    async read(): Promise<LoopDelay> {
      const text = await scrape(httpUrl);
      const ms = (name: string) => {
        const seconds = gaugeValue(text, name);
        return seconds === null ? null : seconds * 1000;
      };
      return lateness(ms('nodejs_eventloop_lag_p99_seconds'), ms('nodejs_eventloop_lag_max_seconds'));
    },
  };
}
