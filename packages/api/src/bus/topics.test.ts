import { describe, expect, it } from 'vitest';
import { stringifyFast } from '../plain-superjson';
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
  workout: null,
};
const publication = { streamId: 'channel:c1', event: { type: 'message.created' as const, seq: 3, message } };

/** An envelope as another replica of the same version would write it, around any payload. */
const envelope = (payload: unknown) => stringifyFast({ v: 1, at: Date.now(), payload });

describe('stream-events on the bus', () => {
  it('arrive as published, Dates included', () => {
    const decoded = decodeEnvelope('stream-events', encodeEnvelope<'stream-events'>(publication));
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
    for (const payload of broken)
      expect(decodeEnvelope('stream-events', envelope(payload))).toEqual({
        ok: false,
        error: 'payload does not match stream-events',
      });
  });

  it('other topics are still checked field by field', () => {
    const typing = { channelId: 'c1', userId: 'u1', userName: 'Alice', isTyping: 'yes' };
    const decoded = decodeEnvelope('channel-typing', envelope(typing));
    expect(decoded.ok).toBe(false);
  });
});
