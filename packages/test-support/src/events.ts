import type { RouterInputs, StreamItem } from '@spotter/api';
import type { WsTestClient } from './client';

const DEFAULT_WAIT_MS = 15_000;

type Received = { seq: number; event: StreamItem };

type Handlers = { onData(item: { id: string; data: StreamItem }): void; onError(error: unknown): void };

/** Subscribes to `channel.onEvent` and records what arrives (see recordStream). */
export function recordChannelEvents(client: WsTestClient, input: RouterInputs['channel']['onEvent']) {
  return recordStream((handlers) => client.trpc.channel.onEvent.subscribe(input, handlers));
}

/** Subscribes to the user's own stream, `me.onEvent`, and records what arrives (see recordStream). */
export function recordMyEvents(client: WsTestClient, input: RouterInputs['me']['onEvent'] = {}) {
  return recordStream((handlers) => client.trpc.me.onEvent.subscribe(input, handlers));
}

/** Subscribes to a training session's stream, `training.onEvent`, and records what arrives. */
export function recordTrainingEvents(client: WsTestClient, input: RouterInputs['training']['onEvent']) {
  return recordStream((handlers) => client.trpc.training.onEvent.subscribe(input, handlers));
}

/**
 * Records what a stream subscription yields, in order. `until()` resolves as soon as the recorded
 * events satisfy a condition (checked on every arrival) and fails after a bounded wait, naming what
 * it waited for and what it got: tests wait for events, never for time.
 */
function recordStream(subscribe: (handlers: Handlers) => { unsubscribe(): void }) {
  const received: Received[] = [];
  const errors: unknown[] = [];
  const checks = new Set<() => void>();
  const notify = () => {
    for (const check of checks) check();
  };
  const subscription = subscribe({
    onData({ id, data }) {
      received.push({ seq: Number(id), event: data });
      notify();
    },
    onError(error) {
      errors.push(error);
      notify();
    },
  });

  return {
    received,
    errors,
    /** The types of the events received so far, in arrival order (markers included). */
    types: () => received.map((r) => r.event.type),
    /** The seqs of created messages received so far, in arrival order. */
    createdSeqs: () => received.filter((r) => r.event.type === 'message.created').map((r) => r.seq),
    bodies: () => received.flatMap((r) => (r.event.type === 'message.created' ? [r.event.message.body] : [])),
    until(what: string, condition: () => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (errors.length > 0)
            finish(new Error(`subscription failed while waiting for ${what}: ${String(errors[0])}`));
          else if (condition()) finish();
        };
        const finish = (error?: Error) => {
          checks.delete(check);
          clearTimeout(timer);
          if (error) reject(error);
          else resolve();
        };
        const timer = setTimeout(() => {
          const seqs = received.map((r) => r.seq).join(',');
          finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; received seqs [${seqs}]`));
        }, timeoutMs);
        checks.add(check);
        check();
      });
    },
    /** Resolves with the subscription's error; fails if data arrives first or nothing within the wait. */
    async firstError(timeoutMs = DEFAULT_WAIT_MS): Promise<unknown> {
      await this.until('an error', () => received.length > 0, timeoutMs).then(
        () => {
          throw new Error(`expected an error, but the subscription yielded seq ${received[0]?.seq}`);
        },
        (error: Error) => {
          if (errors.length === 0) throw error;
        },
      );
      return errors[0];
    },
    unsubscribe: () => subscription.unsubscribe(),
  };
}
