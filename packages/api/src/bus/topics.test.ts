import { describe, expect, it } from 'vitest';
import { stringifyFast, stringifyTracked } from '../plain-superjson';
import { decodeEnvelope, encodeEnvelope } from './topics';

const message = {
  id: 'm1',
  channelId: 'c1',
  seq: 3,
  authorId: 'u1',
  body: 'Squats',
  nonce: null,
  version: 1,
  createdAt: new Date('2026-11-30T08:00:00Z'),
  editedAt: null,
  deletedAt: null,
  authorName: 'Alice',
  authorUsername: 'alice',
  mentions: [],
  reactions: [],
  workout: null,
};
const publication = { streamId: 'channel:c1', event: { type: 'message.created' as const, seq: 3, message } };

/** An envelope of version 1 (every topic's before stream events had their own), around any payload. */
const envelope = (payload: unknown) => stringifyFast({ v: 1, at: Date.now(), payload });
/** A stream envelope of version 2 (see encodeEnvelope) around any routing fields and event. */
const streamEnvelope = (streamId: unknown, event: unknown, dates: unknown = []) =>
  `${JSON.stringify({ v: 2, at: Date.now(), streamId, dates })}\n${JSON.stringify(event)}`;

describe('stream-events on the bus', () => {
  it('arrive as published, Dates included', () => {
    const decoded = decodeEnvelope('stream-events', encodeEnvelope('stream-events', publication));
    expect(decoded).toMatchObject({ ok: true, payload: publication });
    if (decoded.ok && decoded.payload.event.type === 'message.created')
      expect(decoded.payload.event.message.createdAt).toBeInstanceOf(Date);
  });

  it('are framed for subscribers from the text that arrived, as superjson would write them', () => {
    const decoded = decodeEnvelope('stream-events', encodeEnvelope('stream-events', publication));
    if (!decoded.ok) throw new Error(decoded.error);
    expect(stringifyTracked('3', decoded.payload.event)).toBe(
      stringifyFast({ id: '3', data: publication.event }),
    );
  });

  it('are still read from a replica of the previous version (envelope version 1)', () => {
    const decoded = decodeEnvelope('stream-events', envelope(publication));
    expect(decoded).toMatchObject({ ok: true, payload: publication });
    if (decoded.ok && decoded.payload.event.type === 'message.created')
      expect(decoded.payload.event.message.createdAt).toBeInstanceOf(Date);
  });

  it('are dropped, with a reason, when they cannot be routed', () => {
    const broken = [
      { ...publication, streamId: 42 },
      { ...publication, event: { ...publication.event, type: 'message.exploded' } },
      { ...publication, event: { ...publication.event, seq: 0 } },
      { ...publication, event: { ...publication.event, seq: '3' } },
      { streamId: 'channel:c1' },
      null,
    ];
    for (const payload of broken) {
      const refused = { ok: false, error: 'payload does not match stream-events' };
      expect(decodeEnvelope('stream-events', envelope(payload))).toEqual(refused);
      const { streamId, event } = (payload ?? {}) as { streamId?: unknown; event?: unknown };
      expect(decodeEnvelope('stream-events', streamEnvelope(streamId, event ?? null))).toEqual(refused);
    }
    const wrongShape = [
      `{"v":2,"at":1,"streamId":"channel:c1","dates":[]}`,
      streamEnvelope('channel:c1', publication.event, 'createdAt'),
      streamEnvelope('channel:c1', publication.event, [7]),
      `${streamEnvelope('channel:c1', publication.event)}}`,
    ];
    for (const raw of wrongShape) expect(decodeEnvelope('stream-events', raw)).toMatchObject({ ok: false });
  });

  it('other topics are still checked field by field', () => {
    const typing = { channelId: 'c1', userId: 'u1', userName: 'Alice', isTyping: 'yes' };
    const decoded = decodeEnvelope('channel-typing', envelope(typing));
    expect(decoded.ok).toBe(false);
  });
});
