/** A replica's event-loop delay over a span of time, in ms (null when /metrics did not say). */
export type LoopDelay = { p99: number | null; max: number | null };

/** A gauge's value from Prometheus text, or null when the sample is absent. */
export function gaugeValue(text: string, name: string): number | null {
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
      return { p99: ms('nodejs_eventloop_lag_p99_seconds'), max: ms('nodejs_eventloop_lag_max_seconds') };
    },
  };
}
