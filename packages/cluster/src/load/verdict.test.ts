import { describe, expect, it } from 'vitest';
import type { Arrival, LoadChannel, LoadClient } from './clients';
import type { SentMessage } from './send';
import { judge, verdictLine } from './verdict';

const FAULT_AT = 1_000;

/** Channel 0 with three acknowledged messages: seqs 1 and 2 before the fault, 3 after it. */
function scenario(arrivalsPerClient: Arrival[][]) {
  const channel: LoadChannel = { index: 0, id: 'c0', members: [] };
  for (const [index, arrivals] of arrivalsPerClient.entries()) {
    channel.members.push({
      index,
      name: `Lifter${index + 1}`,
      channel,
      arrivals,
      errors: [],
    } as unknown as LoadClient);
  }
  const messages: SentMessage[] = [1, 2, 3].map((seq) => ({
    channel: 0,
    nonce: `n${seq}`,
    seq,
    firstAttemptAt: seq === 3 ? FAULT_AT + 10 : FAULT_AT - 100,
    attempts: 1,
  }));
  return { channels: [channel], messages };
}

const arrival = (seq: number, at: number, nonce = `n${seq}`): Arrival => ({ seq, nonce, at });
const complete = (recoveredAt: number) => [arrival(1, 0), arrival(2, 0), arrival(3, recoveredAt)];

describe('judge', () => {
  it('passes when every client has 1..N once, in order, and times recovery by the slowest client', () => {
    const { channels, messages } = scenario([complete(FAULT_AT + 200), complete(FAULT_AT + 450)]);
    const verdict = judge(channels, messages, FAULT_AT);
    expect(verdict).toMatchObject({
      isPass: true,
      sent: 3,
      delivered: 6,
      lost: 0,
      duplicated: 0,
      recoveredMs: 450,
    });
    expect(verdictLine(verdict)).toBe(
      'verdict: PASS sent=3 delivered=6 lost=0 duplicated=0 recovered_ms=450',
    );
  });

  it('counts a missing message as lost', () => {
    const { channels, messages } = scenario([complete(1200), [arrival(1, 0), arrival(3, 1300)]]);
    expect(judge(channels, messages, FAULT_AT)).toMatchObject({ isPass: false, delivered: 5, lost: 1 });
  });

  it('counts a replayed seq, and a nonce stored under two seqs, as duplicates', () => {
    const replayed = [...complete(1200), arrival(3, 1300)];
    const doublePosted = [arrival(1, 0), arrival(2, 0), arrival(3, 1200, 'n2')];
    expect(judge(scenario([replayed]).channels, scenario([replayed]).messages, FAULT_AT)).toMatchObject({
      isPass: false,
      duplicated: 1,
    });
    const { channels, messages } = scenario([doublePosted]);
    expect(judge(channels, messages, FAULT_AT)).toMatchObject({ isPass: false, duplicated: 1 });
  });

  it('fails on out-of-order arrival even when nothing is missing', () => {
    const { channels, messages } = scenario([[arrival(2, 0), arrival(1, 0), arrival(3, 1200)]]);
    const verdict = judge(channels, messages, FAULT_AT);
    expect(verdict).toMatchObject({ isPass: false, lost: 0, duplicated: 0 });
    expect(verdict.problems[0]).toContain('received seqs [2,1,3]');
  });

  it('fails, without a recovery time, when a client got nothing sent after the fault', () => {
    const { channels, messages } = scenario([complete(1200), [arrival(1, 0), arrival(2, 0)]]);
    const verdict = judge(channels, messages, FAULT_AT);
    expect(verdict.recoveredMs).toBeNull();
    expect(verdict.problems).toContain('Lifter2 received no message sent after the fault');
  });

  it('fails when a send was never acknowledged', () => {
    const { channels, messages } = scenario([complete(1200)]);
    messages.push({ channel: 0, nonce: 'n4', firstAttemptAt: 1500, attempts: 40, error: 'WebSocket closed' });
    expect(judge(channels, messages, FAULT_AT).problems[0]).toBe(
      '1 sends were never acknowledged (last error: WebSocket closed)',
    );
  });
});
