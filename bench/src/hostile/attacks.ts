import { createSpotterClient } from '@spotter/api/client';
import { connectClient } from '@spotter/test-support';
import { openAuthenticated } from '../spotter/wire-client';

/** A misbehaving client, started against one replica; `stop()` ends it and says what it saw. */
export type Attack = { stop(): Promise<string> };
export type AttackTarget = { url: string; token: string; channelId: string; ownChannelId: string };

const MALFORMED: (string | Buffer)[] = [
  'not json at all',
  '{"id":',
  '[]',
  '{"id":1}',
  '{"id":2,"method":"nope","params":{}}',
  '{"id":3,"method":"subscription","params":{"path":"no.such.procedure"}}',
  '{"id":4,"method":"mutation","params":{"path":"message.send","input":{"json":{"channelId":42}}}}',
  `[${Array.from({ length: 200 }, (_, i) => `{"id":${i},"method":"query"}`).join(',')}]`,
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 131) % 256)),
];
const MALFORMED_PER_SECOND = 1_000;
/**
 * Thrown out after a few frames, the attacker is back this soon: the attack lasts the whole phase
 * (an earlier cap of 50 reconnects with no pause spent it in its first second or two).
 */
const RECONNECT_PAUSE_MS = 100;
/** A bound on the loop whatever happens: 100 s of reconnecting. */
const MAX_RECONNECTS = 1_000;

/** Garbage frames of every kind, 1,000/s, reconnecting (ten times a second at most) when thrown out. */
export function malformedFrames(target: AttackTarget): Attack {
  let isStopped = false;
  const seen = { sent: 0, replies: 0, closes: [] as number[] };
  const run = async () => {
    for (let connects = 0; !isStopped && connects <= MAX_RECONNECTS; connects++) {
      const socket = await openAuthenticated(target.url, target.token).catch(() => undefined);
      if (!socket) continue;
      socket.on('message', () => seen.replies++);
      const closed = new Promise<void>((resolve) =>
        socket.once('close', (code) => {
          if (!isStopped) seen.closes.push(code);
          resolve();
        }),
      );
      while (!isStopped && socket.readyState === socket.OPEN) {
        for (let i = 0; i < MALFORMED_PER_SECOND / 100; i++)
          socket.send(MALFORMED[seen.sent++ % MALFORMED.length] as string | Buffer);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      socket.terminate();
      await closed;
      await new Promise((resolve) => setTimeout(resolve, RECONNECT_PAUSE_MS));
    }
  };
  const running = run();
  return {
    async stop() {
      isStopped = true;
      await running;
      const closes =
        seen.closes.length > 0
          ? `closed by the server ${seen.closes.length}× (${[...new Set(seen.closes)].join(', ')})`
          : 'never closed';
      return `${seen.sent} frames sent, ${seen.replies} replies, ${closes}`;
    },
  };
}

const HUGE_FRAME_BYTES = 10 * 1024 * 1024;
const HUGE_FRAMES = 5;
const CLOSE_WAIT_MS = 5_000;

/** A 10 MB frame, on a fresh authenticated socket each time, a few times over the phase. */
export function hugeFrames(target: AttackTarget, seconds: number): Attack {
  let isStopped = false;
  const codes: string[] = [];
  const frame = 'x'.repeat(HUGE_FRAME_BYTES);
  const run = async () => {
    for (let i = 0; i < HUGE_FRAMES && !isStopped; i++) {
      const socket = await openAuthenticated(target.url, target.token).catch(() => undefined);
      if (!socket) {
        codes.push('refused');
        continue;
      }
      const closed = new Promise<string>((resolve) => {
        socket.once('close', (code) => resolve(String(code)));
        setTimeout(() => resolve('still open'), CLOSE_WAIT_MS);
      });
      socket.send(frame);
      codes.push(await closed);
      socket.terminate();
      await new Promise((resolve) => setTimeout(resolve, (seconds * 1000) / (HUGE_FRAMES + 1)));
    }
  };
  const running = run();
  return {
    async stop() {
      isStopped = true;
      await running;
      return `${codes.length} × 10 MB; server closed with ${codes.join(', ') || '–'}`;
    },
  };
}

const SUBSCRIPTIONS = 1_000;

/**
 * 1,000 subscriptions to the healthy client's channel, all on one socket. Those refused stay refused:
 * the attacker does not start them again, so every run of this phase asks the same of the server.
 */
export function manySubscriptions(target: AttackTarget): Attack {
  const client = createSpotterClient({ wsUrl: target.url, token: target.token, resubscribe: false });
  let started = 0;
  let events = 0;
  let errors = 0;
  const subscriptions = Array.from({ length: SUBSCRIPTIONS }, () => {
    let isStarted = false;
    return client.trpc.channel.onEvent.subscribe(
      { channelId: target.channelId },
      {
        onData() {
          events++;
          if (!isStarted) {
            isStarted = true;
            started++;
          }
        },
        onError() {
          errors++;
        },
      },
    );
  });
  return {
    async stop() {
      for (const subscription of subscriptions) subscription.unsubscribe();
      client.close();
      return `${started} of ${SUBSCRIPTIONS} subscriptions started, ${errors} refused, ${events} items received`;
    },
  };
}

const FLOOD_PER_SECOND = 2_000;
/** Sends awaiting an answer beyond this are not made: the attacker's own memory is bounded too. */
const MAX_IN_FLIGHT = 4_000;

/** message.send at 2,000/s into the attacker's own channel. */
export function sendFlood(target: AttackTarget): Attack {
  const client = connectClient(target.url, target.token);
  const seen = { offered: 0, skipped: 0, ok: 0, failed: 0, firstError: '' };
  let inFlight = 0;
  const startedAt = performance.now();
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - startedAt) * FLOOD_PER_SECOND) / 1000);
    for (; seen.offered < due; seen.offered++) {
      if (inFlight >= MAX_IN_FLIGHT) {
        seen.skipped++;
        continue;
      }
      inFlight++;
      client.trpc.message.send
        .mutate({ channelId: target.ownChannelId, body: `flood ${seen.offered}` })
        .then(
          () => seen.ok++,
          (error: Error) => {
            seen.failed++;
            seen.firstError ||= error.message;
          },
        )
        .finally(() => inFlight--);
    }
  }, 5);
  return {
    async stop() {
      clearInterval(timer);
      client.close();
      const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
      const error = seen.firstError ? ` (${seen.firstError.slice(0, 80)})` : '';
      return `${seen.offered} offered over ${seconds} s, ${seen.ok} ok, ${seen.failed} failed${error}, ${seen.skipped} not sent (${MAX_IN_FLIGHT} awaiting answers)`;
    },
  };
}

const STARTERS = {
  malformed: (target: AttackTarget) => malformedFrames(target),
  huge: (target: AttackTarget, seconds: number) => hugeFrames(target, seconds),
  subscriptions: (target: AttackTarget) => manySubscriptions(target),
  flood: (target: AttackTarget) => sendFlood(target),
} as const;
export type AttackName = keyof typeof STARTERS;

export function startAttack(name: AttackName, target: AttackTarget, seconds: number): Attack {
  return STARTERS[name](target, seconds);
}
