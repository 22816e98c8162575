import type { LoadChannel } from './clients';
import type { SentMessage } from './send';

export type Verdict = {
  isPass: boolean;
  /** Messages the server acknowledged (each nonce once, retries included). */
  sent: number;
  /** Over all clients: distinct acknowledged messages of its channel that it received. */
  delivered: number;
  /** Over all clients: acknowledged messages of its channel that it never received. */
  lost: number;
  /** Over all clients: events for a seq it had already received, or a second seq for a nonce it had. */
  duplicated: number;
  /**
   * Milliseconds from the fault until the LAST client received its first message that was sent
   * after the fault (whose first send attempt started after the fault instant), i.e. until every
   * client was demonstrably live again. null without a fault, or if some client never got one.
   */
  recoveredMs: number | null;
  /** Every reason this is not a pass, one readable line each. */
  problems: string[];
};

/**
 * Judges the conversation as a user would: each client must show exactly the N acknowledged messages
 * of its channel, each once, in seq order. The burst is all that happens in its channels, so their
 * seqs are consecutive: first..first+N-1 (membership events took the seqs before `first`).
 */
export function judge(channels: LoadChannel[], messages: SentMessage[], faultAt: number | null): Verdict {
  const problems: string[] = [];
  const unacked = messages.filter((m) => m.seq === undefined);
  if (unacked.length > 0)
    problems.push(`${unacked.length} sends were never acknowledged (last error: ${unacked[0]?.error})`);
  const acked = messages.filter((m) => m.seq !== undefined);
  let delivered = 0;
  let lost = 0;
  let duplicated = 0;
  const recoveries: Array<number | null> = [];

  for (const channel of channels) {
    const seqs = acked.filter((m) => m.channel === channel.index).map((m) => m.seq as number);
    const first = seqs.length > 0 ? Math.min(...seqs) : 1;
    const expected = seqs.map((_, i) => first + i);
    if (
      !sameList(
        [...seqs].sort((a, b) => a - b),
        expected,
      )
    )
      problems.push(
        `channel ${channel.index}: acknowledged seqs are not ${first}..${first + seqs.length - 1}`,
      );
    const afterFault = new Set(
      messages
        .filter((m) => m.channel === channel.index && faultAt !== null && m.firstAttemptAt > faultAt)
        .map((m) => m.nonce),
    );
    if (faultAt !== null && afterFault.size === 0)
      problems.push(`channel ${channel.index}: no message was sent after the fault, so recovery is unproven`);

    for (const client of channel.members) {
      const got = client.arrivals.map((a) => a.seq);
      const distinct = new Set(got);
      const nonces = new Set(client.arrivals.map((a) => a.nonce));
      delivered += expected.filter((seq) => distinct.has(seq)).length;
      lost += expected.filter((seq) => !distinct.has(seq)).length;
      duplicated += got.length - distinct.size + (distinct.size - nonces.size);
      if (!sameList(got, expected))
        problems.push(
          `${client.name} (channel ${channel.index}) received seqs [${compact(got)}], expected ${first}..${first + expected.length - 1}`,
        );
      if (client.errors.length > 0)
        problems.push(`${client.name}'s subscription failed: ${String(client.errors[0])}`);

      if (faultAt !== null && afterFault.size > 0) {
        const first = client.arrivals.find((a) => a.nonce !== null && afterFault.has(a.nonce));
        recoveries.push(first ? Math.round(first.at - faultAt) : null);
        if (!first) problems.push(`${client.name} received no message sent after the fault`);
      }
    }
  }
  const recoveredMs =
    faultAt === null || recoveries.length === 0 || recoveries.includes(null)
      ? null
      : Math.max(...(recoveries as number[]));
  return {
    isPass: problems.length === 0,
    sent: acked.length,
    delivered,
    lost,
    duplicated,
    recoveredMs,
    problems,
  };
}

/** The demo's last line: `verdict: PASS sent=… delivered=… lost=… duplicated=… recovered_ms=…`. */
export function verdictLine(v: Verdict): string {
  const recovered = v.recoveredMs === null ? 'none' : String(v.recoveredMs);
  return `verdict: ${v.isPass ? 'PASS' : 'FAIL'} sent=${v.sent} delivered=${v.delivered} lost=${v.lost} duplicated=${v.duplicated} recovered_ms=${recovered}`;
}

function sameList(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** `1-5,7,9-12`: a failure message that stays readable for hundreds of seqs. */
function compact(seqs: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < seqs.length; i++) {
    const start = seqs[i] as number;
    while (i + 1 < seqs.length && seqs[i + 1] === (seqs[i] as number) + 1) i++;
    parts.push(start === seqs[i] ? String(start) : `${start}-${seqs[i]}`);
  }
  return parts.join(',');
}
