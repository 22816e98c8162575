/** One publish that Redis did not take, kept to be re-sent when the connection is back. */
export type UnsentPublish = { topic: string; raw: string };

/**
 * Durable publishes that failed during an outage, oldest first. Bounded: past `limit` the oldest
 * are forgotten (`onOverflow` is told), which costs latency, not messages — subscribers still fill
 * the gap from the database at the next event of that channel.
 */
export function createUnsentPublishes(limit: number, onOverflow: () => void) {
  let entries: UnsentPublish[] = [];
  return {
    remember(entry: UnsentPublish) {
      entries.push(entry);
      if (entries.length > limit) {
        entries.shift();
        onOverflow();
      }
    },
    /** Hands over everything remembered; `putBack` returns what could not be sent, keeping order. */
    take(): UnsentPublish[] {
      const taken = entries;
      entries = [];
      return taken;
    },
    putBack(unsent: UnsentPublish[]) {
      entries = [...unsent, ...entries].slice(-limit);
    },
    get size() {
      return entries.length;
    },
  };
}
