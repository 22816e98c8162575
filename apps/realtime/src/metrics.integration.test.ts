import { type Replica, recordChannelEvents, startTestStack, type TestStack } from '@spotter/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let stack: TestStack;
let replica: Replica;

beforeAll(async () => {
  stack = await startTestStack({ replicas: 1 });
  [replica] = stack.replicas as [Replica];
});

afterAll(async () => {
  await stack?.stop();
});

type Sample = { name: string; labels: string; value: number };

/**
 * Parses Prometheus text exposition strictly enough to catch a malformed line: every line is a
 * `# HELP`/`# TYPE` comment or `name{labels} value`, and every sample's family was declared.
 */
function parsePrometheus(text: string): Sample[] {
  const declared = new Set<string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n').filter(Boolean)) {
    const comment = line.match(/^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)$/);
    if (comment) {
      if (comment[1] === 'TYPE') {
        expect(comment[3]).toMatch(/^(counter|gauge|histogram|summary|untyped)$/);
        declared.add(comment[2] as string);
      }
      continue;
    }
    const sample = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (-?[0-9.e+-]+|NaN|[+-]Inf)$/);
    if (!sample) throw new Error(`not Prometheus text: ${line}`);
    const name = sample[1] as string;
    const family = [...declared].find((f) => name === f || name.startsWith(`${f}_`));
    if (!family) throw new Error(`sample ${name} has no # TYPE line`);
    samples.push({ name, labels: sample[2] ?? '', value: Number(sample[3]) });
  }
  return samples;
}

async function scrape(): Promise<Sample[]> {
  const response = await fetch(`${replica.httpUrl}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return parsePrometheus(await response.text());
}

const total = (samples: Sample[], name: string) =>
  samples.filter((s) => s.name === name).reduce((sum, s) => sum + s.value, 0);

describe('/metrics', () => {
  it('serves Prometheus text whose counters move when messages flow', async () => {
    const before = await scrape();
    expect(total(before, 'spotter_ws_connections')).toBe(0);

    const alice = await stack.createUser('Alice');
    const bob = await stack.createUser('Bob');
    const aliceClient = stack.connect(replica.url, alice.token);
    const bobClient = stack.connect(replica.url, bob.token);
    const channel = await aliceClient.trpc.channel.create.mutate({ name: `Metrics ${Date.now()}` });
    await bobClient.trpc.channel.join.mutate({ channelId: channel.id });
    const events = recordChannelEvents(bobClient, { channelId: channel.id, lastEventId: '0' });
    const send = (body: string) => aliceClient.trpc.message.send.mutate({ channelId: channel.id, body });
    await send('m1');
    // Once m1 arrived the subscription is live, so the next two travel through Redis.
    await events.until('m1', () => events.createdSeqs().length === 1);
    await send('m2');
    await send('m3');
    await events.until('m1-m3', () => events.createdSeqs().length === 3);
    const [first] = events.createdSeqs() as [number];
    expect(events.createdSeqs()).toEqual([first, first + 1, first + 2]);
    // The stream replays from seq 0: the two membership events before the messages count too.
    const deliveredItems = events.received.length;

    const after = await scrape();
    expect(total(after, 'spotter_ws_connections')).toBe(2);
    expect(total(after, 'spotter_subscriptions_active')).toBeGreaterThanOrEqual(1);
    expect(
      total(after, 'spotter_events_published_total') - total(before, 'spotter_events_published_total'),
      // create and join: one event on the channel's stream and one on the member's; 3 sends; and each
      // of the two connections turns its user online (one presence publish each).
    ).toBe(9);
    expect(
      total(after, 'spotter_events_delivered_total') - total(before, 'spotter_events_delivered_total'),
    ).toBe(deliveredItems);
    expect(deliveredItems).toBe(5);
    expect(total(after, 'spotter_fanout_latency_seconds_count')).toBeGreaterThanOrEqual(2);
    expect(after.some((s) => s.name === 'spotter_publish_failures_total')).toBe(true);
    expect(after.some((s) => s.name === 'spotter_events_delivered_total')).toBe(true);
    // The process's own: the event loop's delay since the last scrape, for a slow answer's cause.
    const loopDelay = after.find((s) => s.name === 'nodejs_eventloop_lag_p99_seconds');
    expect(loopDelay?.value).toBeGreaterThan(0);
    aliceClient.close();
    bobClient.close();
  });
});
