import { describe, expect, it } from 'vitest';
import { createDeliveries } from './deliveries';
import { percentiles } from './percentiles';

// Two rooms: clients 0 and 1 in room 0, client 2 in room 1.
const rooms = [[0, 1], [2]];
const counter = () => createDeliveries({ tag: 't1', rooms, clients: 3, messages: 3 });

describe('createDeliveries', () => {
  it('expects every accepted message at every member of its room, once', () => {
    const deliveries = counter();
    const bodies = [deliveries.body(0, 0, 10), deliveries.body(1, 1, 20), deliveries.body(2, 0, 30)];
    for (const [index, at] of [12, 21, 36].entries()) deliveries.accepted(index, at);

    deliveries.arrived(0, bodies[0] as string, 15);
    deliveries.arrived(0, bodies[0] as string, 16);
    deliveries.arrived(2, bodies[0] as string, 17);
    deliveries.arrived(2, bodies[1] as string, 22);
    deliveries.arrived(1, bodies[2] as string, 40);

    const figures = deliveries.figures();
    expect(figures).toMatchObject({ expected: 5, received: 3, lost: 2, duplicates: 1, strays: 1 });
    expect(deliveries.isComplete()).toBe(false);
    expect([figures.p50, figures.max]).toEqual([5, 10]);
    // Send → answer: 2, 1 and 6 ms.
    expect([figures.answerP50, figures.answerP99]).toEqual([2, 6]);
  });

  it('expects nothing of a failed send, and ignores other phases and bodies without a send time', () => {
    const deliveries = counter();
    const body = deliveries.body(0, 0, 10);
    deliveries.failed(new Error('timed out'));
    const stored = deliveries.storedBody(1, 1);
    deliveries.accepted(1);

    deliveries.arrived(0, body, 12);
    deliveries.arrived(2, stored, 13);
    deliveries.arrived(0, 'bench t2 #0 t=1.000 xx', 14);

    expect(deliveries.figures()).toMatchObject({
      expected: 1,
      received: 1,
      lost: 0,
      errors: 1,
      firstError: 'timed out',
      ofFailedSends: 1,
      withoutTimestamp: 1,
    });
    expect(deliveries.isComplete()).toBe(true);
  });
});

describe('percentiles', () => {
  it('takes the nearest rank', () => {
    const samples = Float64Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentiles(samples, [50, 99, 100])).toEqual([50, 99, 100]);
    expect(percentiles(new Float64Array(), [50])).toEqual([null]);
  });
});
