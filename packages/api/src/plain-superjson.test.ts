import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { parseFast, parsePlainJson, stringifyFast, stringifyTracked, toPlainJson } from './plain-superjson';

const event = {
  type: 'message.created',
  seq: 42,
  message: {
    id: 'm1',
    body: 'Squats 5×5 @ 100 kg — “PR”',
    version: 1,
    createdAt: new Date('2026-11-30T08:00:00.123Z'),
    editedAt: null,
    deletedAt: null,
    mentions: [{ id: 'u2', name: 'Bob', at: new Date(0) }],
    workout: null,
  },
};

// Values superjson writes with more than Dates: each must come back exactly as superjson has it.
const shared = { q: 1 };
const unusual: [string, unknown][] = [
  ['undefined inside', { a: undefined, b: 1 }],
  ['NaN and -0', { a: Number.NaN, b: -0, c: Number.POSITIVE_INFINITY }],
  ['a Map and a Set', { m: new Map([['k', 1]]), s: new Set([1]) }],
  ['an object met twice', { a: shared, b: shared }],
  ['a key with a dot', { 'a.b': new Date(1) }],
  ['a Date at the root', new Date(5)],
  ['an invalid Date', { d: new Date(Number.NaN) }],
  ['a bigint', { n: 10n }],
];

describe('stringifyFast / parseFast', () => {
  it('writes what superjson writes for plain data with Dates, and both read it back alike', () => {
    for (const value of [event, { id: '7', data: event }, [1, 'two', null, true], 'text', 3, null, {}]) {
      const fast = stringifyFast(value);
      expect(JSON.parse(fast)).toEqual(JSON.parse(superjson.stringify(value)));
      expect(superjson.parse(fast)).toEqual(value);
      expect(parseFast(fast)).toEqual(value);
      expect(parseFast(superjson.stringify(value))).toEqual(value);
    }
    const read = parseFast<typeof event>(stringifyFast(event));
    expect(read.message.createdAt).toBeInstanceOf(Date);
    expect(read.message.mentions[0]?.at).toBeInstanceOf(Date);
  });

  it('refuses text that is not superjson’s format', () => {
    for (const text of ['null', '5', '"x"']) expect(() => parseFast(text)).toThrow();
  });

  it('hands anything else to superjson, so nothing is lost or changed', () => {
    for (const [name, value] of unusual) {
      const fast = stringifyFast(value);
      expect(fast, name).toBe(superjson.stringify(value));
      expect(superjson.parse(fast), name).toEqual(superjson.parse(superjson.stringify(value)));
      expect(parseFast(fast), name).toEqual(superjson.parse(superjson.stringify(value)));
    }
  });
});

describe('toPlainJson / parsePlainJson / stringifyTracked', () => {
  it('frames a parsed event from its own text exactly as stringifyFast would frame the original', () => {
    const withoutDates = { type: 'member.joined', seq: 3, userId: 'u1' };
    for (const value of [event, withoutDates]) {
      const plain = toPlainJson(value);
      if (!plain) throw new Error('an event is plain data');
      const parsed = parsePlainJson<typeof value>(plain);
      expect(parsed).toEqual(value);
      expect(stringifyTracked('42', parsed)).toBe(stringifyFast({ id: '42', data: value }));
      expect(superjson.parse(stringifyTracked('42', parsed))).toEqual({ id: '42', data: value });
    }
    expect(parsePlainJson<typeof event>(toPlainJson(event) as never).message.createdAt).toBeInstanceOf(Date);
  });

  it('frames any other value through stringifyFast, and has no PlainJson for what needs superjson', () => {
    expect(stringifyTracked('1', event)).toBe(stringifyFast({ id: '1', data: event }));
    for (const [name, value] of unusual) {
      expect(toPlainJson(value), name).toBeNull();
      expect(stringifyTracked('1', value), name).toBe(superjson.stringify({ id: '1', data: value }));
    }
  });
});
